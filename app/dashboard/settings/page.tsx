import type { Metadata } from 'next';
import { SettingsForm } from '@/components/settings-form.client';
import { flashFor, takeFlash } from '@/lib/flash';
import { requireRole } from '@/lib/guards';
import { getSettings } from '@/lib/settings';
import { saveSettings } from './actions';

export const metadata: Metadata = { title: 'Settings' };

// Defined here, not in the form's 'use client' module: imported from there it would be a client reference.
const SETTINGS_FORM = 'comment-settings';

export default async function SettingsPage() {
  await requireRole('admin', '/dashboard/settings');
  const [settings, flash] = await Promise.all([getSettings(), takeFlash()]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">Settings</h1>
      <section aria-labelledby="comment-rules" className="flex flex-col gap-4">
        <h2 id="comment-rules" className="text-2xl font-bold">
          Comment rules
        </h2>
        <p className="text-sm text-muted">
          For the whole site. Besides these, a comment with two or more links always waits for a moderator, and readers can post at most one
          comment every 10 seconds.
        </p>
        <SettingsForm
          values={{
            premoderation: settings['comments.premoderation'],
            autoCloseDays: settings['comments.autoCloseDays'],
            bannedWords: settings['comments.bannedWords'],
            suspectWords: settings['comments.suspectWords'],
          }}
          action={saveSettings}
          formKey={SETTINGS_FORM}
          initial={flashFor<undefined>(flash, SETTINGS_FORM)}
        />
      </section>
    </div>
  );
}
