/**
 * The worker thread of prewarmDossierDocx (src/publishing/dossier-docx.ts): builds each dossier's
 * .docx into its cache file and reports the file's name when it is written. A dossier that fails
 * is skipped here; the page builds it again and reports the error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Dossier } from '#src/site/view-models/dossier.ts';
import { writeDossierDocx } from './dossier-docx.ts';

const { jobs } = workerData as { jobs: { dossier: Dossier; file: string }[] };
for (const { dossier, file } of jobs) {
  try {
    await writeDossierDocx(dossier, file);
  } catch {
    // Left for the page (cachedDossierDocx), which reports it.
  }
  parentPort?.postMessage(file);
}
