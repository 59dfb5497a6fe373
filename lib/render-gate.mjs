// @ts-check
// Admission control for the production server (scripts/server.mjs). Node renders on one thread, and the
// embedded database answers on that thread too: past a few renders at once, more in flight only share
// the same CPU more thinly, every one of them slower, and memory grows with each. So at most `limit`
// requests are inside Next at once; the others wait their turn in order, and a change a person made (a
// POST: a comment, a save, a sign-in) goes ahead of every waiting page view, so a rush of readers never
// makes a writer wait behind it. Requests answered without rendering (the page cache, build assets,
// optimized images, the health check) never wait here.

/**
 * @param {{ limit: number }} options
 */
export function createRenderGate({ limit }) {
  let active = 0;
  /** @typedef {{ state: 'waiting' | 'running' | 'done', start: () => void }} Ticket */
  /** @type {Ticket[]} */
  const writes = [];
  /** @type {Ticket[]} */
  const reads = [];

  /** @param {Ticket} ticket */
  function run(ticket) {
    active++;
    ticket.state = 'running';
    ticket.start();
  }

  function next() {
    while (active < limit) {
      const ticket = writes.shift() ?? reads.shift();
      if (!ticket) return;
      if (ticket.state === 'waiting') run(ticket); // abandoned ones are simply dropped
    }
  }

  return {
    /**
     * Runs `start` now or when a place frees up. Call the returned `done` once the request has ended
     * (finished or abandoned), whether or not it had started.
     * @param {boolean} write
     * @param {() => void} start
     * @returns {() => void} done
     */
    enter(write, start) {
      /** @type {Ticket} */
      const ticket = { state: 'waiting', start };
      if (active < limit) run(ticket);
      else (write ? writes : reads).push(ticket);
      return () => {
        const wasRunning = ticket.state === 'running';
        ticket.state = 'done';
        if (wasRunning) {
          active--;
          next();
        }
      };
    },
    get waiting() {
      return writes.filter((t) => t.state === 'waiting').length + reads.filter((t) => t.state === 'waiting').length;
    },
    get active() {
      return active;
    },
  };
}

/** @typedef {ReturnType<typeof createRenderGate>} RenderGate */
