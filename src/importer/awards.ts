/**
 * Sentences that state an award → proposed award records (for an editor to confirm).
 * Grammar of the sentences old portals print: "[X] tặng [form] [title] năm [Y] cho [recipient]",
 * "[recipient] được [X] tặng [form]…", "[recipient] đạt danh hiệu [form]…",
 * "[recipient] được vinh danh là [title] trong phong trào thi đua “[campaign]”",
 * "trao [form] của [X] cho [recipients] có thành tích … năm [Y]", lists joined by "," and ";".
 */
import type { AwardForm, ConferrerLevel } from '#src/model/vocabulary.ts';
import { foldForMatch } from '#src/text/vietnamese.ts';
import type { UnitMatcher } from './units.ts';

export interface ProposedRecipient {
  kind: 'collective' | 'individual';
  unit?: string;
  name?: string;
}

export interface ProposedAward {
  form: AwardForm;
  title: string | null;
  year: number | null;
  conferredBy: { text: string; unit?: string; level?: ConferrerLevel } | null;
  recipients: ProposedRecipient[];
  recipientText: string[];
  campaign: string | null;
  decision: { number?: string; date?: string } | null;
  sentence: string;
}

const FORMS: { form: AwardForm; re: RegExp }[] = [
  { form: 'bang-lao-dong-sang-tao', re: /bang lao dong sang tao/g },
  { form: 'co-thi-dua-chinh-phu', re: /co thi dua (cua )?chinh phu/g },
  { form: 'chien-si-thi-dua-toan-quoc', re: /chien si thi dua toan quoc/g },
  { form: 'chien-si-thi-dua-co-so', re: /chien si thi dua co so/g },
  { form: 'chien-si-thi-dua-cap-bo-nganh-tinh', re: /chien si thi dua (cap )?(bo|nganh|tinh)/g },
  { form: 'tap-the-lao-dong-xuat-sac', re: /tap the lao dong xuat sac/g },
  { form: 'tap-the-lao-dong-tien-tien', re: /tap the lao dong tien tien/g },
  { form: 'lao-dong-tien-tien', re: /lao dong tien tien/g },
  { form: 'huan-chuong', re: /huan chuong/g },
  // Not a sports event's medals: "30 bộ huy chương", "tấm huy chương", "huy chương vàng".
  { form: 'huy-chuong', re: /(?<!\b(?:\d+|bo|tam|chiec) )huy chuong(?! (?:vang|bac|dong)\b)/g },
  { form: 'ky-niem-chuong', re: /ky niem chuong/g },
  { form: 'bang-khen', re: /bang khen/g },
  { form: 'giay-khen', re: /giay khen/g },
  { form: 'co-thi-dua', re: /co thi dua/g },
  { form: 'vinh-danh', re: /duoc vinh danh|dat giai thuong|guong mat cua nam/g },
  {
    form: 'hoan-thanh-xuat-sac-nhiem-vu',
    re: /(xep loai|danh gia|cong nhan)( la| dat)? "?hoan thanh xuat sac nhiem vu/g,
  },
];

const NOT_YET =
  /\b(phan dau|de nghi|de xuat|dang ky|chi tieu|se duoc|muc tieu|huong toi|ke hoach|phat dong|can|nham|xet tang)\b/;
const GIVEN = /\b(tang|trao|dat|duoc|nhan|vinh danh|cong nhan|khen thuong)\b/;

/** Split a paragraph into sentences. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…]["”»)]?)\s+(?=[\p{Lu}“"])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

interface Hit {
  form: AwardForm;
  at: number;
  end: number;
}

function findHits(folded: string): Hit[] {
  const taken = new Uint8Array(folded.length);
  const hits: Hit[] = [];
  for (const { form, re } of FORMS) {
    for (const m of folded.matchAll(re)) {
      const at = m.index;
      const end = at + m[0].length;
      if (taken.subarray(at, end).some((x) => x)) continue;
      taken.fill(1, at, end);
      hits.push({ form, at, end });
    }
  }
  return hits.sort((a, b) => a.at - b.at);
}

const YEAR_LIST = /\bnăm\s+((?:19|20)\d{2}(?:\s*(?:,|và|-|–)\s*(?:19|20)\d{2})*)/giu;

function yearsIn(text: string): number[] {
  const years: number[] = [];
  for (const m of text.matchAll(YEAR_LIST)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
    if (/(nhiệm kỳ|giai đoạn|khóa)\s*$/u.test(before)) continue;
    for (const y of m[1]!.match(/\d{4}/g) ?? []) years.push(Number(y));
  }
  return [...new Set(years)];
}

/** The last year stated before a position ("Trong năm 2022, …"), for sentences that state none. */
export function contextYear(textBefore: string): number | null {
  const ys = yearsIn(textBefore.slice(-4000));
  return ys.length ? ys[ys.length - 1]! : null;
}

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const clean = (s: string) =>
  s
    .replace(/^[\s,;:–-]+|[\s,;:–.-]+$/g, '')
    .replace(/^(và|đã được|đã|được|cũng|là|của|cho)\s+/iu, '')
    .replace(/\s+(đã|đều|cũng|đã được|được)$/iu, '')
    .trim();

function conferrerLevel(name: string, unitLevel: string | undefined): ConferrerLevel | undefined {
  const f = foldForMatch(name);
  if (/chu tich nuoc/.test(f)) return 'nha-nuoc';
  if (/thu tuong|chinh phu/.test(f)) return 'chinh-phu';
  if (/ubnd|uy ban nhan dan|chu tich tinh/.test(f)) return 'tinh';
  if (/tong lien doan/.test(f)) return 'tong-lien-doan';
  if (unitLevel === 'lien-doan-tinh' || /lien doan lao dong|ldld/.test(f)) return 'lien-doan-tinh';
  if (unitLevel === 'cong-doan-nganh-trung-uong' || /cong doan .*viet nam|cong doan nganh/.test(f))
    return 'cong-doan-nganh-trung-uong';
  if (unitLevel === 'cong-doan-cap-tren-co-so' || /cong doan vien chuc (tinh|thanh pho)/.test(f))
    return 'cong-doan-cap-tren-co-so';
  if (unitLevel === 'cong-doan-co-so' || /cong doan co so/.test(f)) return 'cong-doan-co-so';
  if (/\bbo\b|vksnd toi cao|vien kiem sat nhan dan toi cao|nganh/.test(f)) return 'bo-nganh';
  if (unitLevel === 'co-quan' || /giam doc|thu truong|vien truong/.test(f)) return 'co-quan';
  return undefined;
}

/** "Liên đoàn Lao động, Công đoàn Viên chức tỉnh Quảng Ngãi" → both, each with the shared place. */
function splitParties(text: string): string[] {
  const parts = text
    .split(/\s*(?:,|\svà\s)\s*/u)
    .map(clean)
    .filter(
      (p) => p.length > 2 && !/^(tại|trong|sáng|chiều|tối|ngày|nhân dịp|cũng tại|dịp|năm|qua|sau|với)(\s|$)/iu.test(p),
    );
  const place = /\s((?:tỉnh|thành phố|TP\.?)\s+[\p{Lu}][\p{L}\s]*)$/u.exec(parts[parts.length - 1] ?? '')?.[1];
  return parts.map((p) => (place && !/(tỉnh|thành phố|việt nam|tối cao|TP\.)/iu.test(p) ? `${p} ${place}` : p));
}

function cut(text: string, stop: RegExp): string {
  const m = stop.exec(text);
  return m ? text.slice(0, m.index) : text;
}

const W = '(?=[\\s,.;:)]|$)';
const STOP_PARTY = new RegExp(
  `\\s(?:tặng|trao|cho|về|trong|tại|đối với|năm\\s+\\d{4}|đơn vị|danh hiệu)${W}|[“"(;,]|$`,
  'u',
);

function kindOf(text: string): 'collective' | 'individual' {
  const f = foldForMatch(text);
  if (/tap the|cong doan|don vi|to chuc|vien kiem sat|vksnd|lien doan|co quan/.test(f)) return 'collective';
  if (/ca nhan|dong chi|\bong\b|\bba\b|chien si/.test(f)) return 'individual';
  return 'collective';
}

/** Proposed awards stated by one sentence. */
export function awardsInSentence(sentence: string, units: UnitMatcher, fallbackYear: number | null): ProposedAward[] {
  const folded = foldForMatch(sentence);
  if (folded.length !== sentence.replace(/\s+/g, ' ').trim().length) return []; // positions must line up
  const text = sentence.replace(/\s+/g, ' ').trim();
  if (!GIVEN.test(folded)) return [];
  const hits = findHits(folded);
  if (hits.length === 0) return [];

  // Group hits with nothing between them but words ("bằng khen của UBND tỉnh tặng Cờ thi đua").
  const groups: Hit[][] = [];
  for (const h of hits) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && !/[;,]|\svà\s/.test(text.slice(prev.end, h.at))) last!.push(h);
    else groups.push([h]);
  }
  // Clause boundaries between groups: the last ";", else the first ",", else the first " và ".
  const bounds: number[] = [text.lastIndexOf(':', groups[0]![0]!.at) + 1];
  for (let i = 1; i < groups.length; i++) {
    const from = groups[i - 1]![groups[i - 1]!.length - 1]!.end;
    const to = groups[i]![0]!.at;
    const between = text.slice(from, to);
    let at = between.lastIndexOf(';');
    if (at < 0) at = between.indexOf(',');
    if (at < 0) at = between.search(/\svà\s/u);
    bounds.push(at < 0 ? to : from + at + 1);
  }
  bounds.push(text.length);

  const sentenceYears = yearsIn(text.slice(0, groups[0]![0]!.at));
  const leadSubject = subjectBefore(text.slice(bounds[0]!, groups[0]![0]!.at), units);
  const out: ProposedAward[] = [];
  let subject = leadSubject;
  groups.forEach((group, gi) => {
    const start = bounds[gi]!;
    const clause = text.slice(start, bounds[gi + 1]);
    const clauseFolded = foldForMatch(clause);
    const rel = (h: Hit) => h.at - start;
    const chosen =
      group.find((h) => /(tang|trao|dat|nhan|danh hieu)\s+$/.test(folded.slice(Math.max(0, h.at - 14), h.at))) ??
      group[0]!;
    const beforeHit = clauseFolded.slice(0, Math.max(0, rel(chosen)));
    if (NOT_YET.test(beforeHit)) return;
    const afterHit = clause.slice(rel(chosen));
    const afterHitFull = text.slice(chosen.at);

    // Conferring body.
    let conferrer: string | null = null;
    const of =
      /(?:khen thưởng|bằng khen|giấy khen|cờ thi đua|kỷ niệm chương|huân chương|huy chương)\s+của\s+(.+)/iu.exec(
        clause,
      );
    if (of) conferrer = cut(of[1]!, STOP_PARTY);
    if (!conferrer) {
      const by = /(?:^|[,;:]\s*|được\s+)([^,;:]*?(?:,\s*[^,;:]*?)?)\s+(?:đã\s+)?(?:tặng|trao tặng)\s+$/iu.exec(
        clause.slice(0, rel(chosen)),
      );
      if (by) conferrer = by[1]!.replace(/^.*(?:^|\s)được\s+/iu, '');
    }
    const conferrers = conferrer ? splitParties(conferrer) : [];

    // Recipients.
    let recipientText: string | null = null;
    const forM = /\s(?:cho|đối với|tặng)\s+(.+)/iu.exec(afterHit);
    if (forM)
      recipientText = clean(
        cut(forM[1]!, /\s(?:có thành tích|đạt thành tích|vì|về|trong|tại)\s|\s*\(|\s+năm\s+\d{4}|[;.]|$/u),
      );
    if (!recipientText) {
      const pre = /(?:\s|^)(?:cho|đối với)\s+([^,;]+)$/iu.exec(clause.slice(0, rel(chosen)).trimEnd());
      if (pre) recipientText = clean(pre[1]!);
    }
    const verbTail = /^duoc/.test(folded.slice(chosen.at, chosen.end)) ? ' được' : '';
    const clauseSubject = subjectBefore(clause.slice(0, rel(chosen)) + verbTail, units);
    if (clauseSubject) subject = clauseSubject;
    let recipients: string[] = [];
    if (recipientText && (units.resolve(recipientText) || !subject || /^(các|những)\s/iu.test(recipientText))) {
      recipients = [recipientText];
    } else if (subject) recipients = [subject];
    else if (recipientText) recipients = [recipientText];
    if (recipients.length === 0) return;

    // Title / achievement.
    let title: string | null = null;
    const quoted = /^[^“"]{0,40}[“"]([^”"]{3,200})[”"]?/u.exec(
      afterHit.slice(folded.slice(chosen.at, chosen.end).length),
    );
    if (chosen.form === 'vinh-danh') {
      const q =
        /giải thưởng\s+[“"]([^”"]+)[”"]/iu.exec(afterHitFull) ?? /[“"](gương mặt của năm)[”"]/iu.exec(afterHitFull);
      const la = /vinh danh là\s+(.+)/iu.exec(afterHit);
      title = q ? q[1]! : la ? cut(la[1]!, /\s(?:trong|tại|năm\s+\d{4}|của)\s|[,;.(]|$/u) : null;
    } else if (/\scho\s+(?:tập thể|cá nhân)\s+(?:hoàn thành|có thành tích|đạt|xuất sắc)/iu.test(afterHit)) {
      title = cut(/\scho\s+(.+)/iu.exec(afterHit)![1]!, /[,;.]|\s+năm\s+\d{4}|$/u);
    } else if (quoted) {
      title = quoted[1]!;
    } else if (chosen.form === 'co-thi-dua' && /^cờ thi đua\s+ngành\s/iu.test(afterHit)) {
      title = `Cờ thi đua ${cut(afterHit.replace(/^cờ thi đua\s+/iu, ''), /[,;.]|\s(?:cho|của|năm\s+\d{4})\s|$/u)}`;
    } else {
      const about = /có thành tích\s+(.+)/iu.exec(afterHit) ?? /\s(?:về|trong)\s+(.+)/iu.exec(afterHit.slice(0, 200));
      if (about) {
        let t = cut(about[1]!, /\s+năm\s+\d{4}|[;.]|,\s(?!chống)|$/u);
        if (t.includes('“') && !t.includes('”')) {
          const close = about[1]!.indexOf('”', t.length);
          if (close > 0) t = about[1]!.slice(0, close + 1);
        }
        title = /^có thành tích/iu.test(about[0]!) ? `Thành tích ${t}` : t;
      }
    }
    if (title) title = cap((title.includes('“') ? title : title.replace(/[”"]+$/, '')).trim());

    const campaignM = /phong trào thi đua\s+[“"]([^”"]+)[”"]?/iu.exec(clause);
    const decisionM =
      /quyết định(?: khen thưởng)?\s+số\s+([\p{L}\d/.-]+)(?:\s+ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4}))?/iu.exec(text);
    let years = yearsIn(clause);
    if (years.length === 0) years = sentenceYears;
    if (years.length === 0) {
      // A day stated in the sentence ("Ngày 24/11/2022, … trao …"): the year it was conferred.
      const day = /\b\d{1,2}\/\d{1,2}\/((?:19|20)\d{2})\b/.exec(text.replace(/quyết định[^;]*/giu, ''));
      if (day) years = [Number(day[1])];
    }
    if (years.length === 0 && fallbackYear) years = [fallbackYear];
    const yearList: (number | null)[] = years.length ? years : [null];
    const parties: (string | null)[] = conferrers.length ? conferrers : [null];
    for (const year of yearList) {
      for (const party of parties) {
        const partyUnit = party ? (units.resolve(party) ?? undefined) : undefined;
        const level = party ? conferrerLevel(party, partyUnit ? units.level(partyUnit) : undefined) : undefined;
        out.push({
          form: chosen.form,
          title,
          year,
          conferredBy: party
            ? { text: party, ...(partyUnit ? { unit: partyUnit } : {}), ...(level ? { level } : {}) }
            : null,
          recipients: recipients.map((r) => {
            const unit = units.resolve(r);
            return unit ? { kind: kindOf(r), unit } : { kind: kindOf(r), name: cap(r) };
          }),
          recipientText: recipients,
          campaign: campaignM ? campaignM[1]!.trim() : null,
          decision: decisionM
            ? {
                number: decisionM[1]!.replace(/[.,]$/, ''),
                ...(decisionM[2]
                  ? { date: `${decisionM[4]}-${decisionM[3]!.padStart(2, '0')}-${decisionM[2]!.padStart(2, '0')}` }
                  : {}),
              }
            : null,
          sentence: text,
        });
      }
    }
  });
  return out;
}

/** The unit (or collective) a clause is about: "Năm 2022, VKSND tỉnh Quảng Ngãi đã đạt …". */
function subjectBefore(text: string, units: UnitMatcher): string | null {
  const matches = [...text.matchAll(/(?:^|[,;:])\s*([^,;:]+?)\s+(?:đã\s+)?(?:được|đạt|vinh dự)(?=[\s,.;]|$)/giu)];
  for (const m of matches.reverse()) {
    const phrase = clean(m[1]!.replace(/^(năm\s+\d{4}|trong năm\s+\d{4})\s*/iu, ''));
    if (!phrase) continue;
    if (units.resolve(phrase)) return phrase.replace(/^tập thể\s+/iu, '');
    if (/^(tập thể|công đoàn|liên đoàn|đơn vị|viện|trường|sở|ban|phòng)\s/iu.test(phrase)) return phrase;
  }
  return null;
}

/** Proposed awards of an article's paragraphs (captions are left out: they repeat the text). */
export function proposeAwards(paragraphs: string[], units: UnitMatcher): ProposedAward[] {
  const out: ProposedAward[] = [];
  const seen = new Set<string>();
  let before = '';
  for (const p of paragraphs) {
    for (const s of sentences(p)) {
      for (const a of awardsInSentence(s, units, contextYear(before))) {
        const key = JSON.stringify([
          a.form,
          a.title,
          a.year,
          a.conferredBy?.unit ?? a.conferredBy?.text ?? null,
          a.recipients,
        ]);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(a);
      }
      before += ` ${s}`;
    }
  }
  return out;
}
