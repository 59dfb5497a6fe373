/** The audit log in words: what each recorded action means, and its detail as short lines. */
const labels: Record<string, string> = {
  'user.create': 'Created an account',
  'user.role': 'Changed a role',
  'user.suspend': 'Suspended someone',
  'user.ban': 'Banned someone',
  'user.unban': 'Lifted a suspension or ban',
  'user.password': 'Reset a password',
  'section.create': 'Created a section',
  'section.update': 'Changed a section',
  'section.delete': 'Deleted a section',
  'tag.create': 'Created a tag',
  'tag.update': 'Changed a tag',
  'tag.delete': 'Deleted a tag',
  'tag.merge': 'Merged tags',
  'article.create': 'Started a story',
  'article.submit': 'Submitted a story for review',
  'article.publish': 'Published a story',
  'article.schedule': 'Scheduled a story',
  'article.unpublish': 'Unpublished a story',
  'article.archive': 'Archived a story',
  'article.delete': 'Deleted a story',
  'media.upload': 'Uploaded an image',
  'media.update': 'Changed an image',
  'media.delete': 'Deleted an image',
  'comment.hold': 'Held a comment',
  'comment.approve': 'Approved a comment',
  'comment.remove': 'Removed a comment',
  'comment.spam': 'Marked a comment as spam',
  'comment.feature': 'Featured a comment',
  'comment.unfeature': 'Unfeatured a comment',
  'comment.ban_author': 'Banned a comment’s author',
  'settings.update': 'Changed the settings',
};

export function actionLabel(action: string): string {
  return labels[action] ?? action;
}


function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('from' in record && 'to' in record) return `${show(record.from)} → ${show(record.to)}`;
    if (typeof record.name === 'string') return record.name;
    return JSON.stringify(value);
  }
  return String(value);
}

/** "role: author → editor", "days: 7"…; `via` and the target's current name are shown elsewhere. */
export function detailLines(detail: Record<string, unknown>): string[] {
  return Object.entries(detail)
    .filter(([key, value]) => key !== 'via' && !(key === 'name' && typeof value === 'string'))
    .map(([key, value]) => `${key}: ${show(value)}`);
}
