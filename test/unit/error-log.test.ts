import { describe, expect, test } from 'vitest';
import { errorLogEntry } from '@/lib/http/error-log';

describe('the log entry of a server error', () => {
  const error = Object.assign(new Error('The table `main.UploadRequest` does not exist'), { digest: '3184467722' });

  test('starts with the reference the error page shows, then the stack', () => {
    const [first, second, third] = errorLogEntry(error, 'GET', '/requests').split('\n');
    expect(first).toBe('[error] reference 3184467722: GET /requests');
    expect(second).toBe('Error: The table `main.UploadRequest` does not exist');
    expect(third).toMatch(/^\s+at /);
  });

  test('leaves out link tokens and query strings, which are secrets', () => {
    expect(errorLogEntry(error, 'GET', '/s/abcDEF123-_secret/x?password=1').split('\n')[0]).toBe('[error] reference 3184467722: GET /s/[token]/x');
    expect(errorLogEntry(error, 'POST', '/r/abcDEF123-_secret').split('\n')[0]).toBe('[error] reference 3184467722: POST /r/[token]');
    expect(errorLogEntry(error, 'GET', '/api/auth/callback/nodemailer?token=secret&email=a%40b').split('\n')[0]).toBe(
      '[error] reference 3184467722: GET /api/auth/callback/nodemailer',
    );
  });
});
