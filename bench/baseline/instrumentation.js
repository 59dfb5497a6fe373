// Turbopack, rooted at the repository so that `next` resolves from its node_modules, would otherwise pick
// up Masthead's own instrumentation.ts (which opens the database): the baseline has nothing to start.
export function register() {}
