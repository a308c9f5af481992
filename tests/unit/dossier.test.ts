/**
 * The dossier table (src/site/view-models/dossier.ts) and its Word file
 * (src/publishing/dossier-docx.ts), parsed back from the .docx: the same rows and cells.
 */
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  cachedDossierDocx,
  dossierCells,
  dossierDocx,
  dossierDocxKey,
  dossierWorkerModule,
  prewarmDossierDocx,
} from '#src/publishing/dossier-docx.ts';
import { decisionText, dossier, DOSSIER_COLUMNS } from '#src/site/view-models/dossier.ts';
import { site } from '../support/award-site.ts';
import { docxTables } from '../support/docx.ts';

const moi = dossier(site.unitsById.get('moi')!, site);

describe('dossier table', () => {
  it.each([
    [{ number: '38/QĐ-VKSTC', date: '2023-01-15' }, 'Số 38/QĐ-VKSTC ngày 15/01/2023'],
    [{ number: '38/QĐ-VKSTC' }, 'Số 38/QĐ-VKSTC'],
    [{ date: '2023-01-15' }, 'Ngày 15/01/2023'],
    [undefined, '—'],
  ])('decision %j → %s', (decision, text) => {
    expect(decisionText(decision)).toBe(text);
  });

  it('lists the unit’s and its predecessors’ awards, oldest first, predecessors and revocations marked', () => {
    expect(moi.rows.map(dossierCells)).toEqual([
      [
        ['1'],
        ['2021'],
        ['Bằng khen'],
        ['“Hoàn thành xuất sắc nhiệm vụ”', 'Đơn vị tiền thân: Công đoàn cũ.'],
        ['Số 12/QĐ-LĐLĐ ngày 15/01/2022'],
        ['Liên đoàn Lao động tỉnh Quảng Ngãi'],
      ],
      [['2'], ['2022'], ['Cờ thi đua'], ['Cờ thi đua'], ['Số 38/QĐ-UBND'], ['Ủy ban nhân dân tỉnh Quảng Ngãi']],
      [
        ['3'],
        ['2023'],
        ['Giấy khen'],
        [
          '“Hoàn thành tốt nhiệm vụ”; trao cho: Nguyễn Văn A, Chủ tịch',
          'Đã thu hồi ngày 01/03/2024 theo Quyết định số 12/QĐ-UBND.',
        ],
        ['Số 99/QĐ-UBND ngày 15/01/2024'],
        ['Ủy ban nhân dân tỉnh Quảng Ngãi'],
      ],
    ]);
    expect(moi).toMatchObject({ inForce: 2, revoked: 1, predecessors: ['Công đoàn cũ'] });
    expect(moi.summary).toBe(
      '3 khen thưởng, trong đó 1 quyết định đã bị thu hồi (ghi rõ trong bảng, không còn hiệu lực). Gồm cả khen thưởng của đơn vị tiền thân: Công đoàn cũ.',
    );
    expect(moi.docxHref).toBe('/don-vi/moi/bang-thanh-tich.docx');
  });

  it('a unit without awards has an empty table and says so', () => {
    const d = dossier(site.unitsById.get('ldld')!, site);
    expect(d.rows).toEqual([]);
    expect(d.summary).toBe('Chưa có khen thưởng nào được ghi nhận.');
  });
});

describe('dossier .docx', () => {
  it('opens as a Word document holding one table: the header and the same rows as the page', async () => {
    const bytes = await dossierDocx(moi);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    const xml = await zip.file('word/document.xml')!.async('string');
    const tables = docxTables(xml);
    expect(tables).toHaveLength(1);
    const [head, ...rows] = tables[0]!;
    expect(head!.map((c) => c.join(' '))).toEqual([...DOSSIER_COLUMNS]);
    expect(rows).toEqual(moi.rows.map(dossierCells));
    // A4 portrait page (twentieths of a point) and the header row repeated on every page.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('BẢNG TỔNG HỢP THÀNH TÍCH KHEN THƯỞNG');
  });
});

describe('dossier .docx cache', () => {
  it('builds a table once, reuses it while unchanged, and rebuilds it when a row changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-docx-'));
    try {
      const first = await cachedDossierDocx(moi, dir);
      const again = await cachedDossierDocx(moi, dir);
      expect([first.cached, again.cached]).toEqual([false, true]);
      expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
      const changed = { ...moi, rows: moi.rows.slice(1) };
      expect(dossierDocxKey(changed)).not.toBe(dossierDocxKey(moi));
      expect((await cachedDossierDocx(changed, dir)).cached).toBe(false);
      expect(readdirSync(dir).sort()).toEqual([dossierDocxKey(moi), dossierDocxKey(changed)].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dossier .docx built ahead in a worker thread', () => {
  const others = [...site.unitsById.values()].map((u) => dossier(u, site)).filter((d) => d.rows.length > 0);

  it('builds the missing files in the worker; the pages then read them, the same bytes as built here', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-docx-'));
    try {
      const dossiers = [moi, ...others.slice(0, 2)];
      expect(await prewarmDossierDocx(dossiers, dir)).toBe(new Set(dossiers.map(dossierDocxKey)).size);
      // The worker writes them without being asked.
      await vi.waitFor(() => expect(readdirSync(dir).sort()).toEqual(dossiers.map(dossierDocxKey).sort()), {
        timeout: 20_000,
      });
      for (const d of dossiers) {
        const { bytes, cached } = await cachedDossierDocx(d, dir);
        // Built by the worker, not here: the file was there once the worker reported it.
        expect(cached).toBe(false);
        expect(Buffer.from(bytes).equals(Buffer.from(await dossierDocx(d)))).toBe(true);
      }
      // Nothing left to build.
      expect(await prewarmDossierDocx(dossiers, dir)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the files to the pages when the worker cannot start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-docx-'));
    try {
      expect(await prewarmDossierDocx([moi], dir, join(dir, 'no-such-worker.ts'))).toBe(1);
      const { bytes } = await cachedDossierDocx(moi, dir);
      expect(Buffer.from(bytes).equals(Buffer.from(await dossierDocx(moi)))).toBe(true);
      expect(readdirSync(dir)).toEqual([dossierDocxKey(moi)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [{ CONGDOAN_SRC_DIR: '/srv/site/src' }, '/srv/site/src/publishing/dossier-docx-worker.ts'],
    [{}, join(process.cwd(), 'src/publishing/dossier-docx-worker.ts')],
  ])('finds the worker module from %j', (env, path) => {
    expect(dossierWorkerModule(env)).toBe(path);
  });

  it('has its worker module where the build looks for it', () => {
    expect(existsSync(dossierWorkerModule({}))).toBe(true);
  });
});
