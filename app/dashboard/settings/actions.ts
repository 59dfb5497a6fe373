'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/action';
import { settingSchemas, updateSettings } from '@/lib/settings';

// The whole form is validated at once, so every field with a problem says so beside itself;
// updateSettings checks the admin role and validates again before it writes.
export const saveSettings = action({ role: 'admin', input: z.object(settingSchemas) }, async ({ user, input }) => {
  await updateSettings(user, input);
  // No public page reads the settings (lib/settings.ts): only this page shows them.
  refresh();
  return { status: 'ok', message: 'Settings saved. They apply to the next comment posted.' };
});
