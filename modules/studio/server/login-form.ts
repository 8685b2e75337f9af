import { z } from 'zod';

/** Where to go after logging in: only studio paths, so the form cannot redirect to other sites. */
const studioPath = z
  .string()
  .regex(/^\/studio(\/[A-Za-z0-9\-_/]*)?$/)
  .catch('/studio');

export const LoginFormSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(200),
  _csrf: z.string().max(100),
  code: z.string().max(12).optional().default(''),
  weiter: studioPath.optional().default('/studio'),
});
export type LoginForm = z.infer<typeof LoginFormSchema>;

export const NextParamSchema = z.object({ weiter: studioPath.optional().default('/studio') });
