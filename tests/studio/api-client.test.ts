import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiError, createClient, readCookie } from '../../studio/api/client';

let server: Server;
let baseUrl = '';
const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url?.startsWith('/api/ok')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, echo: body ? JSON.parse(body) : null }));
      } else if (req.url === '/api/empty') {
        res.writeHead(204).end();
      } else if (req.url === '/api/invalid') {
        res.writeHead(422, { 'content-type': 'application/problem+json' }).end(
          JSON.stringify({
            type: 'https://shijian.example/problems/validation',
            title: '校验失败',
            status: 422,
            detail: '表单有 2 处错误',
            errors: [
              { pointer: '/title', code: 'required', message: { 'zh-CN': '此项为必填项', en: 'Required' } },
              { pointer: '/title', code: 'minLength', message: '太短' },
            ],
          }),
        );
      } else {
        res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('api client', () => {
  const client = () => createClient({ baseUrl, cookies: () => 'sid=ignored; csrf=tok%2Fen-1; other=x' });

  test('reads cookies by name and decodes them', () => {
    expect(readCookie('csrf', 'a=1; csrf=tok%2Fen-1')).toBe('tok/en-1');
    expect(readCookie('missing', 'a=1')).toBeUndefined();
  });

  test('GET sends no CSRF header; mutations echo the csrf cookie in X-CSRF-Token with a JSON body', async () => {
    seen.length = 0;
    await client().get('/api/ok', { query: { version: 2, skip: undefined } });
    const body = await client().post<{ ok: boolean; echo: unknown }>('/api/ok', { name: '张三' });
    expect(body).toEqual({ ok: true, echo: { name: '张三' } });
    expect(seen[0]!.url).toBe('/api/ok?version=2');
    expect(seen[0]!.headers['x-csrf-token']).toBeUndefined();
    expect(seen[1]!.headers['x-csrf-token']).toBe('tok/en-1');
    expect(seen[1]!.headers['content-type']).toBe('application/json');
  });

  test('204 resolves to undefined', async () => {
    await expect(client().delete('/api/empty')).resolves.toBeUndefined();
  });

  test('problem+json becomes an ApiError with field errors by pointer', async () => {
    const error = await client().post('/api/invalid', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(422);
    expect(apiError.title).toBe('校验失败');
    expect(apiError.detail).toBe('表单有 2 处错误');
    expect(apiError.byPointer().get('/title')?.map((e) => e.code)).toEqual(['required', 'minLength']);
  });

  test('a non-problem error keeps the status and text', async () => {
    const error = (await client().get('/api/other').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.detail).toContain('Bad gateway');
  });

  test('a network failure is status 0', async () => {
    const error = (await createClient({ baseUrl: 'http://127.0.0.1:1' }).get('/x').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.isNetwork).toBe(true);
  });
});
