import 'server-only';
import { revalidateTag } from 'next/cache';
import { publishDueArticles } from './editorial';

const EVERY_MS = 15_000;

/**
 * Publishes scheduled stories on time. Runs in every server process; row locks in publishDueArticles
 * make each story go live exactly once, and a restart simply picks up what became due meanwhile.
 */
export function startScheduler(): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { ids, touched } = await publishDueArticles();
      for (const tag of touched) revalidateTag(tag, { expire: 0 });
      if (ids.length) console.log(`scheduler: published ${ids.length} scheduled ${ids.length === 1 ? 'story' : 'stories'} (${ids.join(', ')})`);
    } catch (error) {
      console.error(`scheduler: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, EVERY_MS);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
