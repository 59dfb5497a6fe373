import 'server-only';
import { expireTagsInBackground } from './cache-tags';
import { publishDueArticles } from './editorial';
import { logger } from './logger';
import { deliverNotificationEmails } from './notifications';

const EVERY_MS = 15_000;

/**
 * Publishes scheduled stories on time, and mails notifications to readers who asked for them. Runs in
 * every server process; row locks (SKIP LOCKED) make each story go live and each notification go out
 * exactly once, and a restart simply picks up what became due meanwhile.
 */
export function startScheduler(): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { ids, touched } = await publishDueArticles();
      await expireTagsInBackground(touched);
      if (ids.length) logger.info({ ids }, `scheduler: published ${ids.length} scheduled ${ids.length === 1 ? 'story' : 'stories'}`);
    } catch (error) {
      logger.error({ err: error }, 'scheduler: could not publish due stories');
    }
    try {
      // Notification mail goes out here, never inside the comment or moderation transactions.
      const mailed = await deliverNotificationEmails();
      if (mailed) logger.info({ mailed }, `scheduler: mailed ${mailed} ${mailed === 1 ? 'notification' : 'notifications'}`);
    } catch (error) {
      logger.error({ err: error }, 'scheduler: could not mail notifications');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, EVERY_MS);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
