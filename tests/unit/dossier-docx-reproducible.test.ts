/**
 * The dossier's .docx is reproducible (src/publishing/dossier-docx.ts, withFixedTimes): the `docx`
 * library stamps the current time into the zip entries and docProps/core.xml, so two builds of the
 * same content published different bytes, and an incremental build's copy differed from a cold
 * build's (tests/build/incremental.test.ts). The same dossier must give the same bytes at any time.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dossierDocx } from '#src/publishing/dossier-docx.ts';
import { dossier } from '#src/site/view-models/dossier.ts';
import { site } from '../support/award-site.ts';
import { docxTables } from '../support/docx.ts';

const moi = dossier(site.unitsById.get('moi')!, site);

describe('dossierDocx', () => {
  it('gives the same bytes for the same dossier, a second later', async () => {
    const first = await dossierDocx(moi);
    await new Promise((done) => setTimeout(done, 1100));
    expect(Buffer.from(await dossierDocx(moi)).equals(Buffer.from(first))).toBe(true);
  });

  it("gives the same bytes whatever the build machine's time zone (zip times are local times)", async () => {
    const zone = process.env.TZ;
    try {
      const bytes = [];
      for (const tz of ['America/Los_Angeles', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        bytes.push(Buffer.from(await dossierDocx(moi)));
      }
      for (const b of bytes.slice(1)) expect(b.equals(bytes[0]!)).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('keeps the document intact: fixed created/modified times, the same tables', async () => {
    const files = unzipSync(await dossierDocx(moi));
    expect(strFromU8(files['docProps/core.xml']!)).toMatch(
      /<dcterms:created [^>]*>1980-01-01T00:00:00Z<\/dcterms:created>.*<dcterms:modified [^>]*>1980-01-01T00:00:00Z</s,
    );
    expect(docxTables(strFromU8(files['word/document.xml']!))[0]!.length).toBe(moi.rows.length + 1);
  });
});
