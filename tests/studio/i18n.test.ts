import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { en } from '../../studio/i18n/en';
import { zhCN } from '../../studio/i18n/zh-CN';
import { catalogs, format, isLocaleLoaded, loadLocale, translator } from '../../studio/i18n';

describe('message catalogs', () => {
  test('zh-CN and en have identical key sets', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  test('every message is non-empty and uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(zhCN[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  test('the Chinese catalog is Chinese', () => {
    const withHan = Object.values(zhCN).filter((s) => /\p{Script=Han}/u.test(s));
    expect(withHan.length / Object.keys(zhCN).length).toBeGreaterThan(0.9);
  });

  test("English and the designer's messages load on demand; until then the translator reads Chinese", async () => {
    expect(isLocaleLoaded('en')).toBe(false);
    expect(catalogs['zh-CN']['designer.nav']).toBeUndefined();
    expect(translator('en')('upload.tooMany', { max: 9 })).toBe('最多上传 9 个');
    await loadLocale('en');
    expect(isLocaleLoaded('en')).toBe(true);
    expect(translator('en')('upload.tooMany', { max: 9 })).toBe('At most 9 files');
    await import('../../studio/designer/i18n');
    expect(translator('zh-CN')('designer.nav')).toBe(zhCN['designer.nav']);
    expect(translator('en')('designer.nav')).toBe(en['designer.nav']);
  });

  test('translator fills placeholders and keeps unknown ones visible', async () => {
    await loadLocale('en');
    expect(translator('zh-CN')('upload.tooMany', { max: 9 })).toBe('最多上传 9 个');
    expect(translator('en')('upload.tooMany', { max: 9 })).toBe('At most 9 files');
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  test('every key is used by the studio: no dead text to translate', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === 'dist' || entry.name === 'i18n' ? [] : sources(path);
        return /\.tsx?$/.test(entry.name) ? [readFileSync(path, 'utf8')] : [];
      });
    const code = sources(join(process.cwd(), 'studio')).join('\n');
    const unused = Object.keys(zhCN).filter((key) => !code.includes(`'${key}'`) && !code.includes(`"${key}"`));
    expect(unused).toEqual([]);
  });
});
