import { vi } from 'vitest';

// Outside Next there is no cache to tag: record revalidations so tests can assert on them.
vi.mock('next/cache', () => ({
  cacheLife: () => {},
  cacheTag: () => {},
  updateTag: vi.fn(),
  revalidateTag: vi.fn(),
  revalidatePath: vi.fn(),
}));
