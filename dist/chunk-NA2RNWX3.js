import {
  COLOURS,
  LIMITS,
  fitRendered,
  message,
  truncate
} from "./chunk-6RQLLAWW.js";

// src/knowledge/loader.ts
import { existsSync as existsSync2, readFileSync, statSync } from "node:fs";
import { basename, extname, join as join2, resolve } from "node:path";

// src/repo-root.ts
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function findRoot(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
var REPO_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

// src/knowledge/plain-text.ts
var UNKNOWN_PUBLISHER = "the article";
var FURNITURE_MAX = 200;
var HEADLINE_MAX = 200;
var SECTION_ITEM_MAX = 40;
var BULLET = /^[•·▪●◦‣∙]\s*(\S.*)$/u;
var READING_TIME = /^(\d+)\s*[- ]?\s*(?:min|mins|minute|minutes)\s+read$/i;
var PUBLISHER_LINE = /^More (?:Must[- ]Reads|Stories|Top Stories) from (.+?)\.?$/i;
var FURNITURE = [
  /^(?:Read|See|Watch) (?:More|Also|Next)\s*:/i,
  /^(?:Related|Also read|See also|More on this)\s*:/i,
  PUBLISHER_LINE,
  /^Contact us at\b/i,
  /^Subscribe\b/i,
  /^Sign up (?:for|to|here)\b/i,
  /^Advertisement$/i,
  /^(?:Copyright\s*)?©/i,
  /^All rights reserved\.?$/i,
  /^Follow (?:us|[A-Z][\w.]*) on\b/i,
  /^Share (?:this|on)\b/i,
  /^Click here\b/i
];
var CREDITS = /^[—–-]*\s*(?:(?:With|Additional)\s+)*(?:assistance|reporting|contributions?|contributing)\s+(?:from|by)\s+\S/i;
var CREDIT_ROLE = /^[—–-]*\s*(?:(?:With|Additional)\s+)*(?:assistance|reporting|contributions?|contributing|writing|editing|edited|written|graphics|photos?)\s+(?:from|by)\s+/i;
var BYLINE = /^By\s+[A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*){0,3}(?:(?:\s*,\s*|\s+and\s+)[A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*){0,3})*$/u;
var MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
var DATELINE = /^(?:(?:Updated|Published|Posted)\s*:?\s*)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),\s+(\d{4})(?:,?\s+\d{1,2}:\d{2}\s*(?:[AP]\.?M\.?)?(?:\s+[A-Z]{2,5})?)?$/;
function isoDate(line) {
  const m = DATELINE.exec(line);
  if (!m) return void 0;
  const month = MONTHS.findIndex((name) => name.startsWith(m[1].toLowerCase()) && m[1].length >= 3) + 1;
  const day = Number(m[2]);
  if (month === 0 || day < 1 || day > 31) return void 0;
  return `${m[3]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
var SENTENCE_END = /[.!?…:;]["'”’)\]]*$/u;
function normalise(text2) {
  return text2.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}
function parseContributors(line) {
  const names = [];
  for (const segment of line.split(";")) {
    const m = CREDIT_ROLE.exec(segment.trim()) ?? /^By\s+/.exec(segment.trim());
    if (!m) continue;
    const list2 = segment.trim().slice(m[0].length).replace(/[.\s]+$/u, "");
    for (let name of list2.split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)) {
      name = name.replace(/\s+in\s+[A-Z][\w .'-]*$/u, "").trim();
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names;
}
var SUBHEAD_MAX_WORDS = 12;
function isSubhead(text2) {
  return text2.split(/\s+/).length <= SUBHEAD_MAX_WORDS && !SENTENCE_END.test(text2) && !/[.!?]["'”’]?\s/.test(text2);
}
function isFurniture(text2) {
  return text2.length <= FURNITURE_MAX && FURNITURE.some((re) => re.test(text2));
}
function parseArticleText(text2, opts) {
  const blocks = normalise(text2).split(/\n[ \t]*\n/).map((block) => block.split("\n").map((line) => line.trim()).filter(Boolean)).filter((lines2) => lines2.length > 0);
  const furniture = [];
  const section = [];
  const contributors = [];
  let readingTime;
  let published;
  let publisher = opts.publisher;
  const kept = [];
  for (const lines2 of blocks) {
    const joined = lines2.join(" ");
    const bullets = lines2.map((line) => BULLET.exec(line)?.[1]?.trim());
    if (kept.length <= 1 && bullets.every((b) => b && b.length <= SECTION_ITEM_MAX)) {
      section.push(...bullets);
      furniture.push(lines2.join("\n"));
      continue;
    }
    const reading = READING_TIME.exec(joined);
    if (reading) {
      readingTime ??= joined;
      furniture.push(joined);
      continue;
    }
    const date = joined.length <= FURNITURE_MAX ? isoDate(joined) : void 0;
    if (date) {
      published ??= date;
      furniture.push(joined);
      continue;
    }
    if (isFurniture(joined)) {
      const pub = PUBLISHER_LINE.exec(joined)?.[1];
      if (pub && !publisher) publisher = pub.trim();
      furniture.push(joined);
      continue;
    }
    const byline = kept.length >= 1 && kept.length <= 2 && BYLINE.test(joined);
    const credits = joined.length <= FURNITURE_MAX && (CREDITS.test(joined) || byline);
    if (credits) contributors.push(...parseContributors(joined).filter((n) => !contributors.includes(n)));
    kept.push({ lines: lines2, text: joined, credits });
  }
  const subheads = [];
  for (let i = kept.length - 2; i >= 2; i--) {
    const block = kept[i];
    if (block.credits || block.lines.length !== 1 || !isSubhead(block.text)) continue;
    subheads.unshift(block.text);
    furniture.push(block.text);
    kept.splice(i, 1);
  }
  const first = kept[0];
  const hasHeadline = first !== void 0 && !first.credits && kept.length > 1 && first.lines.length === 1 && first.text.length < HEADLINE_MAX && !SENTENCE_END.test(first.text);
  const paragraphs = [];
  let body = 0;
  kept.forEach((block, i) => {
    const kind = i === 0 && hasHeadline ? "headline" : block.credits ? "credits" : "body";
    const label = kind === "body" ? `\xB6${++body}` : kind;
    paragraphs.push({ index: paragraphs.length, kind, label, text: block.text });
  });
  const meta = {
    slug: opts.slug,
    title: hasHeadline && first ? first.text : opts.title?.trim() || opts.slug,
    publisher: publisher?.trim() || UNKNOWN_PUBLISHER,
    section,
    contributors
  };
  if (subheads.length) meta.subheads = subheads;
  if (opts.url) meta.url = opts.url;
  if (readingTime) meta.readingTime = readingTime;
  if (published) meta.published = published;
  return { meta, paragraphs, furniture };
}

// src/knowledge/schema.ts
import { z } from "zod";
var id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lowercase letters, digits and dashes");
var text = z.string().trim().min(1);
var ParagraphSchema = z.object({
  index: z.number().int().nonnegative(),
  kind: z.enum(["headline", "body", "credits"]),
  /** How a person refers to it: "headline", "¶4", "credits". */
  label: text,
  text
});
var ArticleMetaSchema = z.object({
  slug: id,
  title: text,
  publisher: text,
  url: z.string().url().optional(),
  section: z.array(text).default([]),
  readingTime: text.optional(),
  /** ISO date (YYYY-MM-DD) when known; the seed article prints none, so this is the curator's inference. */
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  contributors: z.array(text).default([]),
  /** Subheads and captions: the article's furniture, kept for reference but never served as an answer. */
  subheads: z.array(text).optional(),
  summary: text.optional()
});
var AttributionSchema = z.object({
  /** The source as a reader would name them: "Ma Zhaoxu", "China's foreign ministry", "the article". */
  speaker: text,
  /** Entity id when the speaker is a known entity. */
  entity: id.optional(),
  role: text.optional(),
  /** "a statement", "a TV broadcast to the nation", "according to the Kremlin", "the article's own reporting". */
  how: text
});
var FactSchema = z.object({
  id,
  paragraph: z.number().int().nonnegative(),
  /** The statement, verbatim: must be a substring of its paragraph. */
  text,
  attribution: AttributionSchema,
  /** Curator-written words a reader might use for this fact but the article does not (e.g. "prosecuted"). */
  keywords: z.array(text).default([])
});
var QuoteSchema = z.object({
  id,
  paragraph: z.number().int().nonnegative(),
  /** The words inside the quotation marks, verbatim. */
  text,
  speaker: id,
  /** The speaker's role at the time, as the article gives it. */
  role: text,
  /** Where and how it was said: "a brief statement", "a TV broadcast to the nation on Saturday". */
  setting: text
});
var EntitySchema = z.object({
  id,
  name: text,
  type: z.enum(["person", "organisation", "place", "event", "other"]),
  role: text,
  aliases: z.array(text).default([])
});
var TimelineEntrySchema = z.object({
  /** Sortable date: YYYY, YYYY-MM or YYYY-MM-DD ("0755" for 755 AD). */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  /** The date as the article words it: "Saturday, June 24". */
  when: text,
  event: text,
  paragraph: z.number().int().nonnegative(),
  /** Why the date is what it is when the article does not print it whole (e.g. the year inferred). */
  basis: text.optional()
});
var FactsFileSchema = z.array(FactSchema);
var QuotesFileSchema = z.array(QuoteSchema);
var EntitiesFileSchema = z.array(EntitySchema);
var TimelineFileSchema = z.array(TimelineEntrySchema);

// src/knowledge/loader.ts
var KnowledgeError = class extends Error {
  file;
  path;
  problems;
  constructor(problems) {
    const list2 = Array.isArray(problems) ? problems : [problems];
    const line = (p) => `${p.file}${p.path ? ` at ${p.path}` : ""}: ${p.message}`;
    super(
      list2.length === 1 ? line(list2[0]) : `${list2.length} problems in the knowledge:
${list2.map((p) => `  - ${line(p)}`).join("\n")}`
    );
    this.name = "KnowledgeError";
    this.problems = list2;
    this.file = list2[0]?.file ?? "";
    this.path = list2[0]?.path ?? "";
  }
};
var DEFAULT_PACK_DIR = join2(REPO_ROOT, "knowledge", "time-china-russia-wagner");
function knowledgeDirFromEnv(env = process.env) {
  const dir = env.KNOWLEDGE_DIR?.trim();
  if (!dir) return void 0;
  const path = resolve(dir);
  if (!existsSync2(path) || !statSync(path).isDirectory()) {
    throw new KnowledgeError({ file: path, path: "", message: "knowledge pack directory does not exist (set by KNOWLEDGE_DIR: point it at a library folder or one pack folder, or unset it for knowledge/)" });
  }
  return path;
}
function loadDefaultPack(env = process.env) {
  return loadPack(knowledgeDirFromEnv(env) ?? DEFAULT_PACK_DIR);
}
var StrictMeta = ArticleMetaSchema.partial().strict();
var StrictFacts = FactSchema.extend({ attribution: AttributionSchema.strict() }).strict().array();
var StrictQuotes = QuoteSchema.strict().array();
var StrictEntities = EntitySchema.strict().array();
var StrictTimeline = TimelineEntrySchema.strict().array();
function formatPath(path) {
  return path.map((key, i) => typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`).join("");
}
function syntaxLocation(source, err) {
  const pos = /position (\d+)/.exec(err.message)?.[1];
  if (pos === void 0) {
    const lc = /line (\d+) column (\d+)/.exec(err.message);
    return lc ? `line ${lc[1]}, column ${lc[2]}` : "";
  }
  const before = source.slice(0, Number(pos)).split("\n");
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}
function normaliseForMatch(text2) {
  return text2.replace(/[‘’‚‛′`]/gu, "'").replace(/[“”„‟″]/gu, '"').replace(/[\u00a0\s]+/gu, " ").trim();
}
function normaliseAlias(alias) {
  return normaliseForMatch(alias).toLowerCase();
}
function readText(file, problems) {
  if (!existsSync2(file)) {
    problems.push({ file, path: "", message: "file is missing" });
    return void 0;
  }
  let buffer;
  try {
    buffer = readFileSync(file);
  } catch (err) {
    problems.push({ file, path: "", message: `cannot be read (${err.message})` });
    return void 0;
  }
  const text2 = decodeText(buffer);
  if (typeof text2 === "string") return text2;
  problems.push({ file, path: "", message: text2.problem });
  return void 0;
}
function decodeText(buffer) {
  if (buffer.includes(0)) return { problem: "looks binary (contains NUL bytes); expected plain text" };
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    return { problem: "is not valid UTF-8 text; save it as UTF-8" };
  }
}
function readJson(dir, name, schema, problems) {
  const file = join2(dir, name);
  const source = readText(file, problems);
  if (source === void 0) return void 0;
  let data;
  try {
    data = JSON.parse(source.replace(/^\uFEFF/, ""));
  } catch (err) {
    problems.push({ file, path: syntaxLocation(source, err), message: `invalid JSON: ${err.message}` });
    return void 0;
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file, path: formatPath(issue.path), message: issue.message });
    }
    return void 0;
  }
  return result.data;
}
function checkUniqueIds(file, items, problems) {
  const seen = /* @__PURE__ */ new Map();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== void 0) {
      problems.push({ file, path: `[${i}].id`, message: `duplicate id "${item.id}" (already used at [${first}])` });
    } else seen.set(item.id, i);
  });
}
function checkParagraph(file, path, index, paragraphs, problems) {
  const paragraph = paragraphs[index];
  if (!paragraph) {
    problems.push({
      file,
      path,
      message: `paragraph ${index} does not exist (the article has paragraphs 0\u2013${paragraphs.length - 1})`
    });
  }
  return paragraph;
}
function excerpt(text2, max = 60) {
  return text2.length > max ? `${text2.slice(0, max - 1)}\u2026` : text2;
}
function loadPack(dir) {
  const root = resolve(dir);
  if (!existsSync2(root) || !statSync(root).isDirectory()) {
    throw new KnowledgeError({ file: root, path: "", message: "knowledge pack directory does not exist" });
  }
  const problems = [];
  const articleFile = join2(root, "article.txt");
  const articleText = readText(articleFile, problems);
  const metaFile = join2(root, "meta.json");
  const metaIn = readJson(root, "meta.json", StrictMeta, problems);
  const factsFile = join2(root, "facts.json");
  const facts = readJson(root, "facts.json", StrictFacts, problems);
  const quotesFile = join2(root, "quotes.json");
  const quotes = readJson(root, "quotes.json", StrictQuotes, problems);
  const entitiesFile = join2(root, "entities.json");
  const entities = readJson(root, "entities.json", StrictEntities, problems);
  const timelineFile = join2(root, "timeline.json");
  const timeline = readJson(root, "timeline.json", StrictTimeline, problems);
  let paragraphs = [];
  let meta;
  if (articleText !== void 0) {
    if (!articleText.trim()) problems.push({ file: articleFile, path: "", message: "article is empty" });
    const parsed2 = parseArticleText(articleText, {
      slug: metaIn?.slug ?? slugify(basename(root)),
      title: metaIn?.title,
      publisher: metaIn?.publisher,
      url: metaIn?.url
    });
    paragraphs = parsed2.paragraphs;
    if (articleText.trim() && paragraphs.length === 0) {
      problems.push({ file: articleFile, path: "", message: "article has no answerable paragraphs (only page furniture)" });
    }
    const merged = { ...parsed2.meta, ...Object.fromEntries(Object.entries(metaIn ?? {}).filter(([, v]) => v !== void 0)) };
    const result = ArticleMetaSchema.safeParse(merged);
    if (result.success) meta = result.data;
    else if (metaIn) {
      for (const issue of result.error.issues) problems.push({ file: metaFile, path: formatPath(issue.path), message: issue.message });
    }
  }
  const entityIds = new Set((entities ?? []).map((e) => e.id));
  const haveArticle = articleText !== void 0 && paragraphs.length > 0;
  if (entities) {
    checkUniqueIds(entitiesFile, entities, problems);
    const owner = /* @__PURE__ */ new Map();
    entities.forEach((entity, i) => {
      const names = [[entity.name, `[${i}].name`], ...entity.aliases.map((a, k) => [a, `[${i}].aliases[${k}]`])];
      for (const [name, path] of names) {
        const key = normaliseAlias(name);
        const prev = owner.get(key);
        if (prev && prev.id !== entity.id) {
          problems.push({ file: entitiesFile, path, message: `alias "${name}" also names entity "${prev.id}" (${prev.at})` });
        } else if (!prev) owner.set(key, { id: entity.id, at: path });
      }
    });
  }
  if (facts) {
    checkUniqueIds(factsFile, facts, problems);
    facts.forEach((fact, i) => {
      if (haveArticle) {
        const p = checkParagraph(factsFile, `[${i}].paragraph`, fact.paragraph, paragraphs, problems);
        if (p && !p.text.includes(fact.text)) {
          problems.push({
            file: factsFile,
            path: `[${i}].text`,
            message: `fact text "${excerpt(fact.text)}" is not verbatim in paragraph ${fact.paragraph} (${p.label})`
          });
        }
      }
      if (entities && fact.attribution.entity && !entityIds.has(fact.attribution.entity)) {
        problems.push({
          file: factsFile,
          path: `[${i}].attribution.entity`,
          message: `unknown entity id "${fact.attribution.entity}" (not in entities.json)`
        });
      }
    });
  }
  if (quotes) {
    checkUniqueIds(quotesFile, quotes, problems);
    quotes.forEach((quote, i) => {
      if (haveArticle) {
        const p = checkParagraph(quotesFile, `[${i}].paragraph`, quote.paragraph, paragraphs, problems);
        if (p && !normaliseForMatch(p.text).includes(normaliseForMatch(quote.text))) {
          problems.push({
            file: quotesFile,
            path: `[${i}].text`,
            message: `quote "${excerpt(quote.text)}" does not appear in paragraph ${quote.paragraph} (${p.label})`
          });
        }
      }
      if (entities && !entityIds.has(quote.speaker)) {
        problems.push({ file: quotesFile, path: `[${i}].speaker`, message: `unknown speaker id "${quote.speaker}" (not in entities.json)` });
      }
    });
  }
  if (timeline && haveArticle) {
    timeline.forEach((entry, i) => checkParagraph(timelineFile, `[${i}].paragraph`, entry.paragraph, paragraphs, problems));
  }
  if (problems.length > 0 || !meta || !facts || !quotes || !entities || !timeline) {
    throw new KnowledgeError(problems.length ? problems : { file: root, path: "", message: "pack could not be loaded" });
  }
  return {
    meta,
    paragraphs,
    facts,
    quotes,
    entities,
    // Stable sort: same-day events keep the curator's order.
    timeline: [...timeline].sort((a, b) => a.date < b.date ? -1 : a.date > b.date ? 1 : 0),
    curated: true,
    source: root
  };
}
function slugify(name) {
  const slug = name.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return slug || "article";
}
function loadArticleFile(path, opts = {}) {
  const file = resolve(path);
  const fail = (message2) => {
    throw new KnowledgeError({ file, path: "", message: message2 });
  };
  if (!existsSync2(file)) fail("article file does not exist");
  if (!statSync(file).isFile()) fail("not a file (expected a plain-text article)");
  let buffer;
  try {
    buffer = readFileSync(file);
  } catch (err) {
    return fail(`cannot be read (${err.message})`);
  }
  const decoded = decodeText(buffer);
  if (typeof decoded !== "string") return fail(decoded.problem);
  const text2 = decoded;
  if (!text2.trim()) fail("article file is empty");
  const parsed2 = parseArticleText(text2, { slug: slugify(opts.slug ?? basename(file, extname(file))) });
  if (parsed2.paragraphs.length === 0) fail("article has no answerable paragraphs (only page furniture)");
  const meta = ArticleMetaSchema.safeParse(parsed2.meta);
  if (!meta.success) {
    throw new KnowledgeError(meta.error.issues.map((i) => ({ file, path: formatPath(i.path), message: i.message })));
  }
  return { meta: meta.data, paragraphs: parsed2.paragraphs, facts: [], quotes: [], entities: [], timeline: [], curated: false, source: file };
}

// src/engine/text.ts
import { stemmer } from "stemmer";
function fold(text2) {
  return text2.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'").replace(/[\u201c\u201d\u00ab\u00bb]/g, '"').replace(/[\u2010-\u2015]/g, "-");
}
var WORD = /U\.S\.(?:A\.)?|[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;
var UNITED_STATES = /^(US|USA|U\.S\.|U\.S\.A\.)$/;
var UNITED_STATES_WORD = "usa";
function tokenize(text2) {
  const folded = fold(text2);
  const source = folded.length === text2.length ? folded : text2;
  const out = [];
  for (const m of source.matchAll(WORD)) {
    let raw = m[0];
    const apos = raw.indexOf("'");
    if (apos > 0) raw = raw.slice(0, apos);
    const word = UNITED_STATES.test(raw) ? UNITED_STATES_WORD : raw.toLowerCase();
    out.push({ word, stem: stemWord(word), start: m.index, end: m.index + raw.length, capital: new RegExp("^\\p{Lu}", "u").test(raw) });
  }
  return out;
}
var stemCache = /* @__PURE__ */ new Map();
function stemWord(word) {
  let s = stemCache.get(word);
  if (s === void 0) {
    s = /^\d/.test(word) ? word : stemmer(word);
    if (stemCache.size < 2e5) stemCache.set(word, s);
  }
  return s;
}
var STOP_WORDS = new Set(
  `a an the and or but if then than so of to in on at by for from with without into onto over under about
  as is are was were be been being am do does did doing done have has had having will would shall should can could
  may might must it its it's this that these those there here their they them he him his she her hers we us our
  you your yours i me my mine not no nor also too very just only even still yet ever any some each every all
  both either neither such what which who whom whose when where why how whats who's what's where's when's
  tell me please know say said says saying about according get got give given make made much many
  call called calls describe described describes mention mentioned mentions article story
  s t d ll re ve m`.split(/\s+/)
);
function contentTokens(text2) {
  return tokenize(text2).filter((t) => !STOP_WORDS.has(t.word));
}

// src/engine/attribution.ts
var VERB_LIST = [
  "said",
  "says",
  "told",
  "tells",
  "stated",
  "states",
  "announced",
  "announces",
  "added",
  "adds",
  "noted",
  "notes",
  "wrote",
  "writes",
  "warned",
  "warns",
  "argued",
  "argues",
  "insisted",
  "insists",
  "claimed",
  "claims",
  "declared",
  "explained",
  "explains",
  "vowed",
  "urged",
  "asserted",
  "reported",
  "reports",
  "acknowledged",
  "replied",
  "replies",
  "responded",
  "recalled",
  "commented",
  "confirmed",
  "admitted",
  "stressed",
  "observed",
  "suggested",
  "concluded",
  "spoke of",
  "described",
  "called"
];
var VERBS = VERB_LIST.join("|");
var SINGLE_VERBS = VERB_LIST.filter((v) => !v.includes(" ")).join("|");
var PERSONAL = /^(he|she)$/i;
var PRONOUNS = /^(he|she|they|it|we|i)$/i;
var CLAUSE_STARTERS = /^(and|but|while|as|when|because|although|though|after|before|since|which|who|that|where|so|then)\s+/i;
var ADVERBS = /\s+(also|later|then|again|previously|once|further|earlier|still|repeatedly|separately|recently|subsequently|had|has|have|was|is|once again)$/i;
var HONORIFIC = /^(mr|mrs|ms|miss|dr|prof|sir|dame)\.?\s+/i;
var ORG_HEADS = "ministry|department|agency|company|court|group|government|office|council|committee|union|police|party|embassy|board|commission|foundation|institute|university|newspaper|paper|broadcaster|team|club|federation|association|service";
var NAME = String.raw`\p{Lu}[\p{L}'’\-.]*(?:\s+(?:(?:of|de|da|van|von|der|al|bin|the)\s+)?\p{Lu}[\p{L}'’\-.]*)*`;
var CITED = /([\p{L}\p{N}'’ .\-]{2,80}?)\s+(?:cited|quoted)\s+([\p{L}\p{N}'’ .\-]{1,60}?)\s+as\s+(?:saying|telling|stating|calling)/iu;
var ACCORDING = /according to\s+([^,.;:"“”]{2,80})/iu;
var WORDS_OF = /\bin the words of\s+([^"“”]{2,100}?)\s*[,:]?\s*["“]/iu;
var APPOSITIVE = new RegExp(String.raw`(${NAME}),\s+([^,;:"“”]{2,70}?),\s+(?:${SINGLE_VERBS})\b`, "u");
var SUBJECT_VERB = new RegExp(`(^|[,;:"\u201C\u201D\u2019\u2014\u2013(]\\s*|\\s)([^,;:"\u201C\u201D\u2014\u2013()]{2,90}?)\\s+(?:${VERBS})\\b([^,;.:"\u201C\u201D]{0,60})`, "u");
var CITED_HINT = /cited|quoted/iu;
var VERB_HINT = new RegExp(`\\s(?:${VERBS})\\b`, "u");
var VERB_SUBJECT = new RegExp(`[,"\u201D\u2019]\\s*(?:${SINGLE_VERBS})\\s+([\\p{Lu}][^,;.:"\u201C\u201D]{1,60})`, "u");
var NAME_PHRASE = String.raw`(?:the |a |an )?\p{Lu}[\p{L}'’\-.]*(?:\s+(?:of\s+|the\s+|and\s+)?\p{Lu}[\p{L}'’\-.]*)*(?:\s+(?:spokesperson|spokesman|spokeswoman|officials?|ministers?|ministry|agency|account|editor|analysts?|sources?))?`;
var STATEMENT_BY = new RegExp(String.raw`\b(statement|comment|comments|remarks|announcement|post|message|speech|interview) by (${NAME_PHRASE})`, "u");
var OPENING_SETTING = /^(?:in|during)\s+((?:a|an|his|her|its|their|the)\s+(?:[\p{L}-]+\s+){0,3}(?:statement|speech|interview|address|post|letter|message|remarks|briefing|broadcast))\b/iu;
var PARTICIPLE = /,\s*(vowing|saying|adding|warning|noting|calling|describing|insisting|pledging|arguing|stressing|urging|promising)\b/i;
var LEADING_NAME = /^((?:[\p{Lu}][\p{L}'’\-.]*\s+)*[\p{Lu}][\p{L}'’\-.]*)/u;
var NOT_NAMES = new Set(
  `the a an in on at after before upon by then however but and so yet this that these those there here it its his her
  their they he she we i you our my when while as if although though despite during since until with without from for
  of to allegedly meanwhile earlier later also still other some many most several both each every all no one two three
  four five six seven eight nine ten just only even speaking according sharing typical homeopathy`.split(/\s+/)
);
var Attributor = class {
  previous;
  previousAdjacent = false;
  earlier = [];
  /** Names the article has used in full ("Mark Tedeschi"), to expand "Mr. Tedeschi" and "Heald". */
  names = [];
  /** The person a "he" or "she" most likely means: the last speaker or sentence subject named. */
  lastPerson;
  inQuote = false;
  quoteSpeaker;
  /** "He said:" at the end of a paragraph introduces the quote that opens the next. */
  introduces;
  startOfParagraph = true;
  paragraph() {
    this.previous = void 0;
    this.previousAdjacent = false;
    this.startOfParagraph = true;
  }
  sentence(sentence) {
    const s = sentence.replace(/\s+/g, " ").trim();
    const first = this.startOfParagraph;
    this.startOfParagraph = false;
    const opensWithQuote = /^["“]/.test(s);
    let inside = first ? this.inQuote && opensWithQuote : this.inQuote;
    const insideAtStart = inside;
    let hasQuote = false;
    for (const [i, ch] of [...s].entries()) {
      if (ch === "\u201C" || ch === '"' && !inside) {
        if (!(first && i === 0 && insideAtStart)) inside = true;
        hasQuote = true;
      } else if (ch === "\u201D" || ch === '"') {
        inside = false;
        hasQuote = true;
      }
    }
    this.noteNames(s);
    let found = this.resolve(attributeWords(s), s);
    if (!found && insideAtStart && this.quoteSpeaker) found = { ...this.quoteSpeaker };
    if (!found && first && opensWithQuote && this.introduces) found = { ...this.introduces };
    if (!found && hasQuote && this.previous && this.previousAdjacent) found = { ...this.previous };
    this.introduces = found && /:\s*$/.test(s) ? found : void 0;
    if (hasQuote || insideAtStart) this.quoteSpeaker = found;
    this.inQuote = inside;
    this.previousAdjacent = found !== void 0;
    if (found) {
      this.previous = found;
      this.earlier.push(found);
      if (new RegExp("^\\p{Lu}", "u").test(found.speaker) && !isOrganisation(found.speaker)) this.lastPerson = found.speaker;
    } else {
      const subject = subjectOf(s);
      if (subject) this.lastPerson = this.fullName(subject);
    }
    return found;
  }
  /** Pronouns, "the ministry", "Mr. Tedeschi": the speaker as the article named them before. */
  resolve(found, s) {
    if (!found) return void 0;
    const speaker = found.speaker;
    if (PRONOUNS.test(speaker)) {
      const here = PERSONAL.test(speaker) ? subjectOf(s) : void 0;
      const who = here && here.toLowerCase() !== speaker.toLowerCase() ? this.fullName(here) : this.previous?.speaker ?? (PERSONAL.test(speaker) ? this.lastPerson : void 0);
      if (!who) return void 0;
      const role2 = this.previous?.speaker === who ? this.previous.role : this.roleOf(who);
      return { ...found, speaker: who, ...role2 ? { role: role2 } : {} };
    }
    const definite = new RegExp(`^the (${ORG_HEADS})$`, "iu").exec(speaker);
    if (definite) {
      const head = definite[1].toLowerCase();
      const named = [...[...this.earlier].reverse().map((a) => a.speaker), ...[...this.names].reverse()].find((n) => new RegExp(`\\b${head}\\b`, "i").test(n) && n.toLowerCase() !== speaker.toLowerCase());
      const lastOrganisation = [...this.earlier].reverse().find((a) => isOrganisation(a.speaker) && a.speaker.toLowerCase() !== speaker.toLowerCase())?.speaker;
      return named ? { ...found, speaker: named } : lastOrganisation ? { ...found, speaker: lastOrganisation } : found;
    }
    if (!looksLikeSpeaker(speaker)) return void 0;
    const full = this.fullName(speaker);
    if (full === speaker) return found;
    const role = found.role ?? this.roleOf(full);
    return { ...found, speaker: full, ...role ? { role } : {} };
  }
  roleOf(speaker) {
    return [...this.earlier].reverse().find((a) => a.speaker === speaker && a.role)?.role;
  }
  /** "Mr. Tedeschi" → "Mark Tedeschi" when the article named him in full before. */
  fullName(name) {
    const bare = name.replace(HONORIFIC, "").replace(/['’]s?$/u, "").trim();
    if (!bare || bare.includes(" ") || !new RegExp("^\\p{Lu}", "u").test(bare)) return name;
    const spoken = [...this.earlier].reverse().find((a) => a.speaker.split(" ").includes(bare) && isPersonalName(a.speaker));
    if (spoken) return spoken.speaker;
    for (const run of [...this.names].reverse()) {
      const words = run.split(" ");
      const at = words.indexOf(bare);
      if (at < 0) continue;
      const full = at < words.length - 1 ? words.slice(at).join(" ") : words.slice(Math.max(0, at - 2)).join(" ");
      return TITLE.exec(full)?.[2] ?? full;
    }
    return bare === name.trim() ? name : bare;
  }
  noteNames(s) {
    for (const m of s.matchAll(new RegExp(NAME, "gu"))) {
      const words = m[0].replace(/['’]s?$/u, "").replace(HONORIFIC, "").split(/\s+/);
      while (words.length && NOT_NAMES.has(words[0].toLowerCase())) words.shift();
      if (words.length >= 2 && words.length <= 6) this.names.push(words.join(" "));
    }
  }
};
function attributeWords(s) {
  const cited = CITED_HINT.test(s) ? CITED.exec(s) : null;
  if (cited) {
    const source = cleanSpeaker(cited[1]);
    return { speaker: cleanSpeaker(cited[2]), how: `cited by ${source}`, reported: true };
  }
  const according = ACCORDING.exec(s);
  if (according) {
    const source = cleanSpeaker(according[1]);
    return { speaker: source, how: `according to ${source}`, reported: true };
  }
  const wordsOf = WORDS_OF.exec(s);
  if (wordsOf) {
    const parts = wordsOf[1].split(/\s*,\s*/).map((p) => p.replace(/^(the|a|an)\s+/i, "").trim()).filter(Boolean);
    const name = parts.find(isPersonalName) ?? parts[0];
    const role = parts.filter((p) => p !== name && new RegExp("\\p{Ll}", "u").test(p)).join(", ");
    return withRole({ speaker: name, how: "said", reported: true }, role);
  }
  const by = STATEMENT_BY.exec(s);
  if (by) return { speaker: cleanSpeaker(by[2]), how: `a ${by[1].toLowerCase()}`, reported: true };
  const setting = OPENING_SETTING.exec(s)?.[1]?.replace(new RegExp("^\\p{Lu}", "u"), (c) => c.toLowerCase());
  const appositive = APPOSITIVE.exec(s);
  if (appositive) {
    const name = cleanSpeaker(appositive[1]);
    if (looksLikeSpeaker(name) && !NOT_NAMES.has(name.split(" ")[0].toLowerCase())) {
      return withRole({ speaker: name, how: setting ? `said in ${setting}` : "said", reported: true }, appositive[2].replace(/^(the|a|an)\s+/i, ""));
    }
  }
  const after = VERB_SUBJECT.exec(s);
  if (after) return splitRole({ speaker: cleanSpeaker(after[1]), how: "said", reported: true });
  const sv = VERB_HINT.test(s) ? SUBJECT_VERB.exec(s) : null;
  if (sv) {
    const speaker = cleanSpeaker(sv[2]);
    const verb = new RegExp(`\\b(${VERBS})\\b`, "i").exec(sv[0])?.[1]?.toLowerCase() ?? "said";
    const after2 = /^\s*(in|on|at|during|through|via)\s+[^,;.]+?(?=\s+that\b|$)/i.exec(sv[3] ?? "")?.[0]?.trim();
    const how = after2 ? `${verb} ${after2}` : setting && !verb.includes(" ") ? `${verb} in ${setting}` : verb;
    if (PRONOUNS.test(speaker) || new RegExp("^the \\p{Ll}+$", "u").test(speaker)) return { speaker, how, reported: true };
    if (!looksLikeSpeaker(speaker)) return void 0;
    return splitRole({ speaker, how, reported: true });
  }
  const participle = PARTICIPLE.exec(s);
  const subject = LEADING_NAME.exec(s)?.[1];
  if (participle && subject && subject.includes(" ") && s.slice(0, participle.index).split(" ").length < 25) {
    return splitRole({ speaker: subject.trim(), how: participle[1].toLowerCase(), reported: true });
  }
  if (participle && /^(he|she)\b/i.test(s)) return { speaker: s.split(" ")[0], how: participle[1].toLowerCase(), reported: true };
  return void 0;
}
function withRole(a, role) {
  const r = /^(who|which|that|whose)\b/i.test(role.trim()) ? "" : role.trim();
  return r ? { ...a, role: r } : a;
}
var TITLE = new RegExp("^(.*\\b(?:Minister|President|Vice|Deputy|Secretary|Chancellor|Premier|Chairman|Chairwoman|Chair|Director|Governor|Mayor|Senator|Ambassador|General|Commissioner|Spokesman|Spokeswoman|Spokesperson|Judge|Justice|Coach|Captain|Prosecutor|Professor|Dr\\.?|Sir|King|Queen|Prince|Princess|Pope))\\s+(\\p{Lu}[\\p{L}'\u2019\\-.]*(?:\\s+\\p{Lu}[\\p{L}'\u2019\\-.]*)*)$", "u");
function splitRole(a) {
  const m = new RegExp("^((?:the\\s+|a\\s+|an\\s+)?(?:\\S+\\s+)*?(?!(?:of|de|the|and|for)\\s)\\p{Ll}[\\p{L}-]*)\\s+(\\p{Lu}[\\p{L}'\u2019\\-.]*(?:\\s+\\p{Lu}[\\p{L}'\u2019\\-.]*)*)$", "u").exec(a.speaker);
  const titled = TITLE.exec(a.speaker);
  if (titled && !isOrganisation(a.speaker)) return withRole({ ...a, speaker: titled[2] }, [a.role, titled[1].replace(/^(the|a|an)\s+/i, "")].filter(Boolean).join(", "));
  if (!m || /^(the|a|an)$/i.test(m[1]) || isOrganisation(m[2])) return a;
  return withRole({ ...a, speaker: m[2] }, m[1].replace(/^(the|a|an|his|her|their|its)\s+/i, ""));
}
function isPersonalName(s) {
  return new RegExp("^\\p{Lu}[\\p{L}'\u2019\\-.]+(?:\\s+\\p{Lu}[\\p{L}'\u2019\\-.]+)+$", "u").test(s) && !isOrganisation(s);
}
function isOrganisation(s) {
  return new RegExp(`\\b(${ORG_HEADS}|herald|times|post|news|press|journal|agency|bbc|abc|cnn|reuters)\\b`, "i").test(s);
}
function subjectOf(s) {
  const rest = s.replace(/^["“]/, "").replace(/^(?:[\p{L}'’-]+\s+){0,3}[\p{L}'’-]+,\s+/u, "");
  const lead = new RegExp(`^(${NAME})`, "u").exec(rest)?.[1];
  if (!lead) return void 0;
  const words = lead.split(/\s+/);
  if (NOT_NAMES.has(words[0].toLowerCase()) || PRONOUNS.test(words[0])) return void 0;
  const name = lead.replace(/['’]s?$/u, "");
  return isOrganisation(name) ? void 0 : name;
}
function cleanSpeaker(raw) {
  let s = raw.trim().replace(/^["“”'’]+|["“”'’]+$/g, "").trim();
  s = s.split(/,\s*/).pop().trim();
  while (CLAUSE_STARTERS.test(s)) s = s.replace(CLAUSE_STARTERS, "");
  while (ADVERBS.test(s)) s = s.replace(ADVERBS, "");
  const words = s.split(" ");
  if (words.length > 8) s = words.slice(-8).join(" ");
  return s.replace(/^(the|a|an)\s+/i, (m) => m.toLowerCase()).trim();
}
function looksLikeSpeaker(s) {
  if (!s || s.length > 70) return false;
  const folded = fold(s);
  if (/\b(is|are|was|were|be|been|has|have|had|will|would|could|should|not)\b/i.test(folded)) return false;
  return new RegExp("\\p{Lu}", "u").test(s) || /^(the|a|an)\s/i.test(s) || /\b(spokes\w+|officials?|ministry|minister|government|police|agency|ministers?)\b/i.test(folded);
}

// src/engine/sentences.ts
var ABBREVIATIONS = new Set(
  `mr mrs ms dr prof st sr jr gen col lt capt sgt gov sen rep rev hon pres vs etc inc ltd co corp no nos vol
  jan feb mar apr jun jul aug sep sept oct nov dec fig al approx est dept univ ave blvd mt ft e.g i.e a.m p.m u.s u.k u.n`.split(/\s+/)
);
var BOUNDARY = /([.!?…]+)(["'”’)\]]*)(\s+)(?=["'“‘(\[]?[\p{Lu}\p{N}])/gu;
function splitSentences(paragraph) {
  const spans = [];
  let start = 0;
  for (const m of paragraph.matchAll(BOUNDARY)) {
    const end = m.index + m[1].length + m[2].length;
    if (m[1] === "." && !m[2] && isAbbreviation(paragraph, m.index)) continue;
    pushSpan(spans, paragraph, start, end);
    start = end + m[3].length;
  }
  pushSpan(spans, paragraph, start, paragraph.length);
  return spans;
}
function isAbbreviation(text2, dotAt) {
  const before = text2.slice(Math.max(0, dotAt - 12), dotAt);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? "";
  if (!word) return false;
  if (new RegExp("^\\p{Lu}$", "u").test(word) || new RegExp("^(\\p{L}\\.)+\\p{L}$", "u").test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}
function pushSpan(spans, text2, start, end) {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text2[s])) s++;
  while (e > s && /\s/.test(text2[e - 1])) e--;
  if (e > s) spans.push({ text: text2.slice(s, e), start: s, end: e });
}

// src/engine/coreference.ts
var PRONOUN = /\b(he|she|him|his|her|hers|himself|herself|they|them|their|theirs|themselves)\b/i;
var REFERENCE = new RegExp(
  String.raw`\b(?:the|both|this|that|these|those)(?:\s+[A-Z][\p{L}-]+)?\s+(?:pair|two|duo|trio|couple|men|women|leaders|ministers|ministry|minister|president|premier|leader|head|chief|group|company|firm|team|club|court|judge|official|officials|spokesperson|spokesman|spokeswoman|agency|government|singer|band|player|players|study|researchers|scientists|party|council|prosecution|prosecutor|defendants|parents|victim|organisation|organization|man|woman|couple|boss|founder|commander)\b`,
  "u"
);
function refersBack(sentence) {
  return PRONOUN.test(sentence) || REFERENCE.test(sentence);
}
function namesIn(sentence, entityNames, curated) {
  if (curated) return [...entityNames];
  const out = [];
  let run = [];
  tokenize(sentence).forEach((t, i) => {
    if (i > 0 && t.capital && !STOP_WORDS.has(t.word)) run.push(sentence.slice(t.start, t.end));
    else if (run.length) out.push(run.splice(0).join(" "));
  });
  if (run.length) out.push(run.join(" "));
  return out;
}

// src/engine/passages.ts
function buildPassages(pack) {
  const out = [];
  const aliasIndex = entityAliases(pack.entities);
  const publisher = pack.meta.publisher;
  const attributor = new Attributor();
  let lastNames = [];
  for (const para of pack.paragraphs) {
    const facts = pack.facts.filter((f) => f.paragraph === para.index);
    attributor.paragraph();
    for (const span of sentencesOf(para.text, para.kind)) {
      const fact = factFor(facts, para.text, span.start, span.end);
      const mentioned = mentionedEntities(span.text, aliasIndex);
      const inferred = para.kind === "body" ? attributor.sentence(span.text) : void 0;
      const attribution = fact ? { speaker: fact.attribution.speaker, role: fact.attribution.role, how: fact.attribution.how } : inferred ? { speaker: inferred.speaker, role: inferred.role, how: inferred.how } : { speaker: publisher, how: para.kind === "headline" ? "the headline" : "the article's own reporting" };
      const people = mentioned.filter((e) => e.type === "person" || e.type === "organisation").sort((a, b) => Number(b.type === "person") - Number(a.type === "person"));
      const named = para.kind === "body" ? namesIn(span.text, people.map((e) => e.name).filter(isFullName), pack.entities.length > 0) : [];
      const referred = para.kind === "body" && !named.length && refersBack(span.text) ? lastNames : [];
      if (named.length) lastNames = named.slice(0, MAX_REFERENTS);
      const expansion = [
        KIND_WORDS[para.kind],
        ...referred,
        ...mentioned.flatMap((e) => [e.name, ...e.aliases.filter(isProperName)]),
        ...fact?.keywords ?? [],
        attribution.speaker,
        attribution.role ?? ""
      ].join(" ");
      out.push({
        id: out.length,
        paragraph: para.index,
        paragraphLabel: para.label,
        kind: para.kind,
        text: span.text,
        ...attribution,
        speakerStems: new Set(tokenize(attribution.speaker).filter((t) => !STOP_WORDS.has(t.word)).map((t) => t.stem)),
        entities: mentioned.map((e) => e.id),
        expansion
      });
    }
  }
  return out;
}
var MAX_REFERENTS = 3;
var KIND_WORDS = {
  headline: "headline title",
  credits: "credits byline contributors contributed authors reporters writers write wrote written reporting assistance assisted help helped",
  body: ""
};
function sentencesOf(text2, kind) {
  return kind === "body" ? splitSentences(text2) : [{ text: text2.trim(), start: 0, end: text2.length }];
}
function factFor(facts, paragraph, start, end) {
  let best;
  let bestOverlap = 0;
  for (const f of facts) {
    const at = paragraph.indexOf(f.text);
    if (at < 0) continue;
    const overlap = Math.min(end, at + f.text.length) - Math.max(start, at);
    if (overlap > bestOverlap) {
      best = f;
      bestOverlap = overlap;
    }
  }
  return bestOverlap > 0.3 * (end - start) ? best : void 0;
}
function entityAliases(entities) {
  const index = /* @__PURE__ */ new Map();
  for (const entity of entities) {
    for (const alias of [entity.name, ...entity.aliases].filter(isProperName)) {
      const words = tokenize(alias).map((t) => t.word);
      if (!words.length) continue;
      const list2 = index.get(words[0]) ?? [];
      list2.push({ words, acronym: !new RegExp("\\p{Ll}", "u").test(alias), entity });
      index.set(words[0], list2);
    }
  }
  return index;
}
var isProperName = (alias) => new RegExp("\\p{Lu}", "u").test(alias);
var isFullName = (name) => name.split(/\s+/).every((w) => new RegExp("^\\p{Lu}", "u").test(w));
function mentionedEntities(text2, index) {
  const tokens = tokenize(text2);
  const seen = /* @__PURE__ */ new Map();
  tokens.forEach((t, i) => {
    for (const alias of index.get(t.word) ?? []) {
      if (seen.has(alias.entity.id)) continue;
      const fits = alias.words.every((w, k) => {
        const at = tokens[i + k];
        return at !== void 0 && at.word === w && (!alias.acronym || !new RegExp("\\p{Ll}", "u").test(text2.slice(at.start, at.end)));
      });
      if (fits) seen.set(alias.entity.id, alias.entity);
    }
  });
  return [...seen.values()];
}

// src/engine/term-index.ts
function positionsFrom(tokens) {
  return {
    get: (stem) => ({
      get: (doc) => {
        const list2 = tokens[doc];
        let at;
        if (list2) {
          for (let i = 0; i < list2.length; i++) if (list2[i].stem === stem) (at ??= []).push(i);
        }
        return at;
      }
    })
  };
}
function buildTermIndex(passages) {
  const words = /* @__PURE__ */ new Map();
  const interned = /* @__PURE__ */ new Map();
  const intern = (t) => {
    const w = interned.get(t.word);
    if (w === void 0) interned.set(t.word, t.word);
    else t.word = w;
    return t;
  };
  const paraIds = /* @__PURE__ */ new Map();
  const paragraphOf = new Int32Array(passages.length);
  const passageDocs = [];
  const tokens = [];
  const paragraphDocs = [];
  for (const p of passages) {
    const text2 = tokenize(p.text).map(intern);
    tokens.push(text2);
    const expansion = tokenize(p.expansion).filter((t) => !STOP_WORDS.has(t.word));
    for (const t of text2) words.set(t.word, (words.get(t.word) ?? 0) + 1);
    for (const t of expansion) words.set(t.word, (words.get(t.word) ?? 0) + 1);
    passageDocs.push({ text: text2.map((t) => t.stem), expansion: expansion.map((t) => t.stem) });
    let para = paraIds.get(p.paragraph);
    if (para === void 0) {
      para = paragraphDocs.length;
      paraIds.set(p.paragraph, para);
      paragraphDocs.push({ text: [], expansion: [] });
    }
    paragraphOf[p.id] = para;
    paragraphDocs[para].text.push(...text2.map((t) => t.stem));
    paragraphDocs[para].expansion.push(...expansion.map((t) => t.stem));
  }
  return { passages: stats(passageDocs), paragraphs: stats(paragraphDocs), paragraphOf, words, positions: positionsFrom(tokens), tokens, names: properNouns(tokens), nameOnly: nameOnlyStems(tokens) };
}
function nameOnlyStems(tokens) {
  const lower = /* @__PURE__ */ new Set();
  const partners = /* @__PURE__ */ new Map();
  for (const sentence of tokens) {
    let run = [];
    const flush = () => {
      for (const t of run) {
        const set = partners.get(t.stem) ?? /* @__PURE__ */ new Set();
        for (const o of run) if (o !== t) set.add(o.stem);
        partners.set(t.stem, set);
      }
      run = [];
    };
    sentence.forEach((t, i) => {
      if (t.capital && i > 0) run.push(t);
      else {
        flush();
        if (!t.capital) lower.add(t.stem);
      }
    });
    flush();
  }
  for (const stem of lower) partners.delete(stem);
  return partners;
}
function properNouns(tokens) {
  const seen = /* @__PURE__ */ new Map();
  for (const sentence of tokens) {
    sentence.forEach((t, i) => {
      if (i === 0) return;
      const c = seen.get(t.word) ?? [0, 0];
      c[0] += t.capital ? 1 : 0;
      c[1]++;
      seen.set(t.word, c);
    });
  }
  return new Set([...seen].filter(([, [cap, all]]) => cap / all >= 0.7).map(([w]) => w));
}
function stats(docs) {
  const postings = /* @__PURE__ */ new Map();
  const lengths = new Float64Array(docs.length);
  docs.forEach((doc, id2) => {
    lengths[id2] = doc.text.length;
    const counts = /* @__PURE__ */ new Map();
    for (const s of doc.text) {
      const p = counts.get(s) ?? { doc: id2, tf: 0, xtf: 0 };
      p.tf++;
      counts.set(s, p);
    }
    for (const s of doc.expansion) {
      const p = counts.get(s) ?? { doc: id2, tf: 0, xtf: 0 };
      p.xtf++;
      counts.set(s, p);
    }
    for (const [s, p] of counts) {
      const list2 = postings.get(s) ?? [];
      list2.push(p);
      postings.set(s, list2);
    }
  });
  const total = lengths.reduce((a, b) => a + b, 0);
  return { postings, lengths, avgLength: docs.length ? total / docs.length : 1, count: docs.length };
}
function idf(stats2, stem) {
  const df = stats2.postings.get(stem)?.length ?? 0;
  return Math.log(1 + (stats2.count - df + 0.5) / (df + 0.5));
}

// src/engine/fuzzy.ts
var Vocabulary = class {
  constructor(words, stems = /* @__PURE__ */ new Set(), frequency = /* @__PURE__ */ new Map(), nameOnly = /* @__PURE__ */ new Map()) {
    this.words = words;
    this.stems = stems;
    this.frequency = frequency;
    this.nameOnly = nameOnly;
    for (const w of words) {
      if (w.length < 4 || /\d/.test(w)) continue;
      for (const key of [w, ...deletesOf(w)]) {
        const list2 = this.deletions.get(key);
        if (list2) list2.push(w);
        else this.deletions.set(key, [w]);
      }
    }
  }
  words;
  stems;
  frequency;
  nameOnly;
  deletions = /* @__PURE__ */ new Map();
  cache = /* @__PURE__ */ new Map();
  sorted;
  /** The commonest article word that starts with what is being typed ("prigoz" → "prigozhin"). */
  complete(prefix) {
    if (prefix.length < 2) return null;
    this.sorted ??= [...this.words].sort();
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (this.sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    let best = null;
    for (let i = lo; i < this.sorted.length && i < lo + 200 && this.sorted[i].startsWith(prefix); i++) {
      const w = this.sorted[i];
      if (!best || (this.frequency.get(w) ?? 0) > (this.frequency.get(best) ?? 0)) best = w;
    }
    return best;
  }
  has(word) {
    return this.words.has(word);
  }
  hasStem(stem) {
    return this.stems.has(stem);
  }
  /**
   * An article word this one extends or shortens: "Japanese" → "japan", "Nepalese" → "nepal".
   * The stemmer does not join a place and its people; a shared beginning usually does.
   */
  relative(word) {
    if (word.length < 5 || /\d/.test(word)) return null;
    for (let len = word.length - 1; len >= Math.max(4, Math.ceil(word.length * 0.55)); len--) {
      const prefix = word.slice(0, len);
      if (this.words.has(prefix)) return prefix;
    }
    return null;
  }
  /** The article word this one most likely misspells, or null. */
  correct(word) {
    if (word.length < 4 || /\d/.test(word)) return null;
    const cached = this.cache.get(word);
    if (cached !== void 0) return cached;
    const maxEdits = word.length <= 8 ? 1 : 2;
    const candidates = /* @__PURE__ */ new Set();
    for (const key of [word, ...deletesOf(word)]) for (const c of this.deletions.get(key) ?? []) candidates.add(c);
    let best = null;
    let bestKey = [Infinity, 0];
    for (const c of candidates) {
      const d = editDistance(word, c);
      if (d > maxEdits) continue;
      const f = this.frequency.get(c) ?? 0;
      if (d < bestKey[0] || d === bestKey[0] && f > bestKey[1]) {
        best = c;
        bestKey = [d, f];
      }
    }
    if (this.cache.size < 5e4) this.cache.set(word, best);
    return best;
  }
};
function deletesOf(word) {
  const out = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
function editDistance(a, b) {
  const m = a.length;
  const n = b.length;
  let prev2 = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}

// src/engine/lexicon.ts
var GROUPS = `
revolt mutiny uprising rebellion insurrection coup insurgency rebel rebels mutineers putsch
say said statement comment comments remark remarks declare announce announcement stated spokesperson spokesman spokeswoman
meet met meeting meetings talks consultations consultation
discuss discussed discussion discussions talk talked exchanged views conversation
support supports backing backs back endorse endorsement
prosecute prosecuted prosecution charge charges charged trial indict indicted punish punished amnesty
leave exile flee fled depart relocate go going goes went
die died dead death deaths kill killed casualties fatalities
leader lead leads head chief boss founder commander
trip visit visited travel traveled travelled journey go went
plan planned scheduled arranged prearranged
report reported coverage covered news media press broadcast
online internet netizens users social
army military troops soldiers militia fighters forces mercenaries mercenary
country nation
relationship relations ties friendship trust close closeness partnership
compare compared comparison liken likened analogy
outcome result consequence ended led aftermath effect
write wrote author authors reporter reporters writer contributed contributor assistance byline
agreement deal pact accord
help helped assist assisted assistance contribute contributed
president leader
government authorities regime leadership
stability stable stabilize order
threat challenge danger
website site online
television tv broadcast
newspaper paper tabloid outlet
happen happened occur occurred event events incident
oppose opposed opposes opponents opposition against critics critic objected objection
agree agreed approve approved approval vote voted
cost costs price spend spending budget
build built construction construct
condemn condemned criticise criticize denounce
begin began start started
fail failed failure collapse
weaken weakening decline
capture seize seized take
march marched advance advanced move moves
tabloid editor
china chinese beijing
russia russian moscow kremlin
`;
var RELATED = buildRelated(GROUPS);
function buildRelated(text2) {
  const map = /* @__PURE__ */ new Map();
  for (const line of text2.split("\n")) {
    const stems = [...new Set(line.trim().split(/\s+/).filter(Boolean).map((w) => stemWord(w)))];
    for (const s of stems) {
      const set = map.get(s) ?? /* @__PURE__ */ new Set();
      for (const o of stems) if (o !== s) set.add(o);
      map.set(s, set);
    }
  }
  return new Map([...map].map(([k, v]) => [k, [...v]]));
}

// src/engine/wordnet.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { join as join3 } from "node:path";
import { pathToFileURL } from "node:url";
var WORDNET_FILE = pathToFileURL(join3(REPO_ROOT, "src/engine/data/wordnet.txt"));
var lines;
var parsed = /* @__PURE__ */ new Map();
function load() {
  const map = /* @__PURE__ */ new Map();
  for (const line of readFileSync2(WORDNET_FILE, "utf8").split("\n")) {
    const tab = line.indexOf("	");
    if (tab > 0 && !line.startsWith("#")) map.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return map;
}
function relationsOf(stem) {
  let r = parsed.get(stem);
  if (r === void 0) {
    lines ??= load();
    const raw = lines.get(stem);
    const [synonyms, derivations, antonyms, hypernyms] = (raw ?? "").split("	").map((p) => p ? p.split(" ") : []);
    r = raw === void 0 ? null : { synonyms: synonyms ?? [], derivations: derivations ?? [], antonyms: antonyms ?? [], hypernyms: hypernyms ?? [] };
    parsed.set(stem, r);
  }
  return r ?? void 0;
}
var YES_NO = /^\s*(did|does|do|is|was|were|are|has|have|had|can|could|will|would|should)\b/i;
function wordnetStems(stem, question, w) {
  const r = relationsOf(stem);
  if (!r) return [];
  const out = /* @__PURE__ */ new Map();
  const add = (stems, weight) => {
    for (const s of stems) if (weight > (out.get(s) ?? 0)) out.set(s, weight);
  };
  add(r.hypernyms, w.hypernym);
  if (YES_NO.test(question)) add(r.antonyms, w.antonym);
  add(r.synonyms, w.synonym);
  add(r.derivations, w.derivation);
  out.delete(stem);
  return [...out].map(([s, weight]) => ({ stem: s, weight }));
}

// src/engine/ranking-defaults.ts
var DEFAULTS = {
  /** BM25 saturation and length normalisation (sentence-sized documents). */
  k1: 1.2,
  b: 0.75,
  /** How much a paragraph's own BM25 score adds to each of its sentences. */
  paragraphWeight: 0.8,
  /** How much the BM25 scores of the sentences just before and after add to a sentence. */
  neighbourWeight: 0.1,
  /** Scores are multiplied by coverage to this power. */
  coverageExponent: 0.5,
  /** Only this many best candidates by BM25 get the proximity, phrase, type and speaker bonuses. */
  rerankDepth: 40,
  /** Aliases and curator keywords count this much of a word in the text (term frequency)… */
  expansionWeight: 0.6,
  /** …and this much towards coverage. */
  expansionCoverage: 0.8,
  /** Weights of a typo repair and of a related word, against the word itself. */
  typoWeight: 0.9,
  /** A question word among this many commonest English words is taken as meant, never as a typo. */
  realWordRank: 2e4,
  /** Weight of an article word that begins a question word ("japan" for "Japanese"). */
  relativeWeight: 0.7,
  relatedWeight: 0.45,
  /** Weights of WordNet relations of a question word (src/engine/wordnet.ts), all below the word itself. */
  wordnet: { synonym: 0.3, derivation: 0.6, antonym: 0.4, hypernym: 0.15 },
  /** Question words within this many words of each other in the passage earn a bonus. */
  proximityWindow: 3,
  proximityWeight: 0.25,
  phraseWeight: 3,
  /** Multiplier bonus when the passage holds the kind of thing asked for (a date for "when"). */
  typeBonus: 0.3,
  /** Multiplier bonus for a passage said by someone the question names, when it asks what was said. */
  speakerBonus: 0.3,
  /** Headlines are short, so BM25 over-rewards them: scale their score unless the headline is asked for. */
  headlineFactor: 0.7,
  /** Weight of a question word the article lacks, by its frequency rank in everyday English. */
  everydayWeights: [
    [1e3, 0.25],
    [5e3, 0.5],
    [2e4, 0.8]
  ],
  /** Everyday words more common than this rank stop matching names they only appear in ("time" ≠ "Global Times"). */
  namePieceRank: 1e3,
  /** A name the article lacks refuses the question unless the rest covers at least this share. */
  nameCoverageGate: 0.7,
  /** Below this share of the question's weight, the article does not answer it. */
  minCoverage: 0.35,
  /** A refused question whose best passage's paragraph covers this share is offered that passage as the closest. */
  closestCoverage: 0.25,
  /**
   * An answer's confidence band starts at these scores (and High also needs the detail asked for in the
   * passage: a name for "who", a reason for "why"). Calibrated on the odd-numbered half of the formal,
   * chat-style and news dev sets: 0.8 is the lowest "high" at which each half-set's High precision peaks
   * (formal 14/14, chat 13/14, news 9/9); the even half is the check. Below "medium" the reply says Low
   * and the unanswered log keeps the question.
   */
  confidenceBands: { high: 0.8, medium: 0.45 }
};
var RANKING = Object.freeze({ ...DEFAULTS, ...tuning() });
function tuning() {
  const raw = process.env.RANKING_TUNE;
  return raw ? JSON.parse(raw) : {};
}

// src/engine/background.ts
import { readFileSync as readFileSync3 } from "node:fs";
import { join as join4 } from "node:path";
var EVERYDAY_ENGLISH_FILE = join4(REPO_ROOT, "src", "engine", "everyday-english.txt");
var ranks;
function load2() {
  const map = /* @__PURE__ */ new Map();
  const lines2 = readFileSync3(EVERYDAY_ENGLISH_FILE, "utf8").split("\n");
  for (let rank = 0; rank < lines2.length; rank++) if (lines2[rank]) map.set(lines2[rank], rank);
  return map;
}
function loadEverydayEnglish() {
  ranks ??= load2();
}
function everydayRank(word) {
  ranks ??= load2();
  return ranks.get(word);
}

// src/engine/chat-words.ts
var SPELLINGS = {
  wat: "what",
  wut: "what",
  wht: "what",
  wha: "what",
  whta: "what",
  u: "you",
  ya: "you",
  yu: "you",
  ur: "your",
  r: "are",
  ppl: "people",
  ppls: "people",
  peeps: "people",
  govt: "government",
  gov: "government",
  govts: "governments",
  gvt: "government",
  bc: "because",
  bcuz: "because",
  cuz: "because",
  cos: "because",
  coz: "because",
  bcoz: "because",
  becuz: "because",
  abt: "about",
  bout: "about",
  b4: "before",
  aftr: "after",
  thru: "through",
  pres: "president",
  prez: "president",
  intl: "international",
  dept: "department",
  yr: "year",
  yrs: "years",
  wk: "week",
  wks: "weeks",
  mil: "million",
  bn: "billion",
  convo: "conversation",
  convos: "conversations",
  info: "information",
  msg: "message",
  pic: "picture",
  pics: "pictures",
  smth: "something",
  sth: "something",
  sb: "somebody",
  bday: "birthday",
  diff: "different",
  gonna: "will",
  wanna: "want to",
  gotta: "must",
  tryna: "trying to",
  lemme: "let me",
  gimme: "give me",
  dunno: "don't know",
  cant: "can't",
  dont: "don't",
  doesnt: "doesn't",
  didnt: "didn't",
  isnt: "isn't",
  wasnt: "wasn't",
  werent: "weren't",
  wont: "won't",
  whats: "what is",
  whos: "who is",
  wheres: "where is",
  whens: "when is",
  hows: "how is",
  thats: "that is",
  n: "and",
  w: "with",
  wo: "without",
  tho: "though",
  altho: "although"
};
var PHRASES = [
  [/\bw\/o\b\s*/gi, "without "],
  [/\bw\/\s*/gi, "with "],
  [/\bacc\.? to\b/gi, "according to"],
  [/\baccording 2\b/gi, "according to"],
  [/\btl;?\s?dr\b/gi, "tldr"],
  // "y did…" at the start of a question is "why".
  [/^(\s*)y(?=\s+(did|do|does|is|are|was|were|would|has|have|had|not)\b)/i, "$1why"]
];
function expandChatSpellings(text2) {
  let out = text2;
  for (const [pattern, replacement] of PHRASES) out = out.replace(pattern, replacement);
  return out.replace(/[\p{L}\p{N}]+/gu, (word) => {
    if (word.length === 1 && word !== word.toLowerCase()) return word;
    const key = word.toLowerCase();
    return Object.hasOwn(SPELLINGS, key) ? SPELLINGS[key] : word;
  });
}
var FILLER_WORDS = new Set(
  `so actually actual anyway anyways anyhow tbh tbf lol lmao lmfao rofl haha hahaha nah naw nope yeah yea yep yup ok okay
  like wait hey hi hello yo um uh umm hmm hm huh oh ah welp well basically literally honestly seriously really
  kinda sorta kind sort pretty quite totally definitely probably maybe perhaps exactly precisely
  thing things stuff guy guys dude dudes bro bruh man fella folks
  happen happened happening happens
  anyone anybody someone somebody everyone everybody else
  know knows knew wondering wonder curious guess mean means meant remind explain explained clarify
  rn atm btw fyi imo imho idk ngl fr smh omg irl iirc afaik
  pls plz please thanks thank thx ty
  whole even though although again`.split(/\s+/).filter(Boolean)
);
var ANSWER_FRAME_WORDS = /* @__PURE__ */ new Set(["job", "jobs", "role", "roles", "position", "occupation", "profession", "name", "names"]);
var TIME_FRAME_WORDS = /* @__PURE__ */ new Set(["date", "year", "day", "month", "time"]);

// src/engine/question.ts
function analyseQuestion(raw, vocabulary, wordnet = false) {
  const text2 = expandChatSpellings(fold(raw).replace(/[\u0000-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, " ").slice(0, 1e3));
  const tokens = joinSplitWords(tokenize(text2), vocabulary);
  const groups = [];
  let position = 0;
  const content = (t) => !STOP_WORDS.has(t.word) && t.word.length >= 2;
  const frame = (t, i) => !t.capital && (ANSWER_FRAME_WORDS.has(t.word) || TIME_FRAME_WORDS.has(t.word) && /^(what|which)$/.test(tokens[i - 1]?.word ?? ""));
  const phrasing = (t, i) => FILLER_WORDS.has(t.word) || frame(t, i);
  const onlyPhrasing = tokens.every((t, i) => !content(t) || phrasing(t, i));
  tokens.forEach((t, i) => {
    if (!content(t) || !onlyPhrasing && phrasing(t, i)) return;
    const stems = [{ stem: t.stem, weight: 1 }];
    let known = vocabulary.has(t.word) || vocabulary.hasStem(t.stem);
    let repairedTo = null;
    if (!known) {
      const rank = everydayRank(t.word);
      const repaired = rank !== void 0 && rank < RANKING.realWordRank ? null : vocabulary.correct(t.word);
      const relative = repaired ? null : vocabulary.relative(t.word);
      if (repaired) stems.push({ stem: stemWord(repaired), weight: RANKING.typoWeight });
      if (relative) stems.push({ stem: stemWord(relative), weight: RANKING.relativeWeight });
      repairedTo = repaired ?? relative;
      known = Boolean(repairedTo);
    }
    for (const s of [...stems]) for (const r of RELATED.get(s.stem) ?? []) stems.push({ stem: r, weight: RANKING.relatedWeight * s.weight });
    if (wordnet) {
      for (const s of stems.slice(0, 1)) for (const r of wordnetStems(s.stem, text2, RANKING.wordnet)) if (!stems.some((o) => o.stem === r.stem)) stems.push(r);
    }
    const nameLike = !/^\d/.test(t.word) && (t.capital && i > 0 || t.word.length >= 4 && everydayRank(t.word) === void 0);
    groups.push({ word: t.word, surface: text2.slice(t.start, t.end), token: i, stems, position: position++, nameLike, known, ...repairedTo ? { repaired: repairedTo } : {} });
  });
  forgetNamePieces(groups, tokens, vocabulary);
  const phrases = [...text2.matchAll(/"([^"]{3,})"/g)].map((m) => m[1].toLowerCase());
  const speech = /\b(say|says|said|call|calls|called|describe|described|tell|told|quote|quoted|statement|words|according|claim|claimed|state|stated|announce|announced)\b/i.test(text2);
  return { text: raw, type: answerType(text2), groups, phrases, speech };
}
function joinSplitWords(tokens, vocabulary) {
  const out = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    const joined = b ? a.word + b.word : "";
    if (b && !vocabulary.has(a.word) && !vocabulary.has(b.word) && !STOP_WORDS.has(b.word) && joined.length >= 5 && vocabulary.has(joined)) {
      out.push({ word: joined, stem: stemWord(joined), start: a.start, end: b.end, capital: a.capital });
      i++;
    } else out.push(a);
  }
  return out;
}
function forgetNamePieces(groups, tokens, vocabulary) {
  const asked = new Set(groups.map((g) => g.stems[0].stem));
  for (const g of groups) {
    const own = g.stems[0].stem;
    const partners = vocabulary.nameOnly.get(own);
    if (!partners || tokens[g.token].capital || g.repaired) continue;
    const rank = everydayRank(g.word);
    if (rank === void 0 || rank >= RANKING.namePieceRank) continue;
    if ([...partners].some((p) => asked.has(p))) continue;
    g.known = false;
    g.stems = g.stems.map((s) => s.stem === own ? { ...s, weight: 0 } : s);
  }
}
function askedStems(q) {
  return new Set(q.groups.flatMap((g) => g.stems.map((s) => s.stem)));
}
function answerType(q) {
  const s = q.toLowerCase();
  if (/^\W*(\w+\W+){0,3}?when\b|\bwhen (did|was|were|is|are|will|does|do|has|had|would)\b|\b(what (year|date|day|month|time)|which (year|date|day|month)|how long ago)\b/.test(s)) return "when";
  if (/\bhow (much|big|bad|serious|large) of an?\b/.test(s)) return "any";
  if (/\bhow (many|much|long|old|far|large|big|often)\b|\bwhat (number|percentage|proportion|amount)\b/.test(s)) return "number";
  if (/\b(quote|exact words|in (his|her|their) words|what did .+ (say|call|describe))\b/.test(s)) return "quote";
  if (/^\s*(who|whom|whose)\b|\bwhich (person|people|man|woman|group|organi[sz]ation|company)\b/.test(s)) return "who";
  if (/^\s*where\b|\bwhat (city|country|place|location)\b/.test(s)) return "where";
  if (/^\s*why\b|\bwhat (caused|was the reason)\b/.test(s)) return "why";
  return "any";
}

// src/engine/learned.ts
import { readFileSync as readFileSync4 } from "node:fs";
import { join as join5 } from "node:path";
import { pathToFileURL as pathToFileURL2 } from "node:url";

// src/engine/features.ts
var TYPES = ["when", "number", "who", "where", "why", "quote"];
var FEATURE_NAMES = [
  "log hand",
  "log sentence",
  "log paragraph",
  "log neighbours",
  "coverage",
  "exact coverage",
  "related-only coverage",
  "context coverage",
  "proximity",
  "phrases",
  "speaker",
  "headline",
  "log length",
  "fresh share",
  "opens paragraph",
  "sentence / best",
  "paragraph / best",
  ...TYPES.map((t) => `type bonus (${t})`),
  "longest common run",
  "surface words share",
  "question words share",
  "fresh names (who/where)",
  "fresh names (other)",
  "fresh numbers (when/number)",
  "fresh numbers (other)",
  "matched span"
];
function questionShape(q) {
  const tokens = tokenize(q.text);
  const content = tokens.filter((t) => !STOP_WORDS.has(t.word));
  return { type: q.type, words: tokens.map((t) => t.word), content: new Set(content.map((t) => t.word)), stems: new Set(content.map((t) => t.stem)) };
}
var NUMBER = /^\d/;
function featureVector(p, q) {
  const typed = TYPES.map((t) => t === q.type ? p.type : 0);
  const tokens = p.tokens;
  let surface = 0, names = 0, numbers = 0, first = -1, last = -1;
  const seen = /* @__PURE__ */ new Set();
  tokens.forEach((t, i) => {
    if (q.content.has(t.word) && !seen.has(t.word)) {
      seen.add(t.word);
      surface++;
    }
    if (q.stems.has(t.stem)) {
      if (first < 0) first = i;
      last = i;
    } else if (!STOP_WORDS.has(t.word)) {
      if (NUMBER.test(t.word)) numbers++;
      else if (t.capital && i > 0) names++;
    }
  });
  const matchedStems = new Set(tokens.filter((t) => q.stems.has(t.stem)).map((t) => t.stem));
  const asksName = q.type === "who" || q.type === "where";
  const asksNumber = q.type === "when" || q.type === "number";
  const share = (n, of) => of ? n / of : 0;
  return [
    Math.log(p.hand + 1e-3),
    Math.log1p(p.sentence),
    Math.log1p(p.paragraph),
    Math.log1p(p.neighbours),
    p.coverage,
    p.exact,
    p.coverage - p.exact,
    p.contextCoverage,
    p.proximity,
    Math.min(p.phrases, 3),
    p.speaker,
    p.headline ? 1 : 0,
    Math.log1p(p.length),
    p.length ? p.fresh / p.length : 0,
    p.opens ? 1 : 0,
    p.topSentence > 0 ? p.sentence / p.topSentence : 0,
    p.topParagraph > 0 ? p.paragraph / p.topParagraph : 0,
    ...typed,
    share(longestCommonRun(q.words, tokens), q.words.length),
    share(surface, q.content.size),
    share(matchedStems.size, q.stems.size),
    asksName ? Math.log1p(names) : 0,
    asksName ? 0 : Math.log1p(names),
    asksNumber ? Math.log1p(numbers) : 0,
    asksNumber ? 0 : Math.log1p(numbers),
    matchedStems.size > 1 ? share(last - first + 1, tokens.length) : 0
  ];
}
function longestCommonRun(words, tokens) {
  let best = 0;
  const prev = new Array(tokens.length + 1).fill(0);
  for (let i = 0; i < words.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= tokens.length; j++) {
      const above = prev[j];
      prev[j] = words[i] === tokens[j - 1].word ? diagonal + 1 : 0;
      if (prev[j] > best) best = prev[j];
      diagonal = above;
    }
  }
  return best;
}

// src/engine/learned.ts
var RANKER_FILE = pathToFileURL2(join5(REPO_ROOT, "src/engine/data/ranker.json"));
var model;
function load3() {
  const chosen = process.env.RANKER;
  if (chosen === "off") return null;
  const m = JSON.parse(readFileSync4(chosen || RANKER_FILE, "utf8"));
  return m.features.join("|") === FEATURE_NAMES.join("|") ? m : null;
}
function modelScore(m, x) {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += m.weights[i] * (x[i] - m.mean[i]) / m.scale[i];
  return s;
}
function rerank(out, parts, q, useLearned) {
  let topSentence = 0, topParagraph = 0;
  for (const p of parts) {
    topSentence = Math.max(topSentence, p.sentence);
    topParagraph = Math.max(topParagraph, p.paragraph);
  }
  const shape = questionShape(q);
  out.forEach((s, i) => s.features = featureVector({ ...parts[i], topSentence, topParagraph }, shape));
  if (model === void 0) model = load3();
  if (!useLearned || !model || out.length < 2) return out.sort((a, b) => b.score - a.score || a.id - b.id);
  const m = model;
  const learned = new Map(out.map((s) => [s, modelScore(m, s.features)]));
  out.sort((a, b) => learned.get(b) - learned.get(a) || a.id - b.id);
  const anchor = out[0].score;
  const top = learned.get(out[0]);
  const slope = Math.max(1e-6, m.weights[0] / m.scale[0]);
  for (const s of out) s.score = anchor * Math.exp((learned.get(s) - top) / slope);
  return out;
}

// src/engine/rank.ts
function groupWeights(q, index) {
  const max = idf(index.passages, "\0");
  return q.groups.map((group) => {
    const own = group.stems.filter((s) => s.weight >= RANKING.typoWeight && index.passages.postings.has(s.stem));
    if (own.length) return { group, idf: Math.max(...own.map((s) => idf(index.passages, s.stem))) };
    return { group, idf: max * absentWordWeight(group.word) };
  });
}
function absentWordWeight(word) {
  const rank = everydayRank(word);
  if (rank === void 0) return 1;
  for (const [below, weight] of RANKING.everydayWeights) if (rank < below) return weight;
  return 1;
}
function rankPassages(q, index, passages, weights, learned = false) {
  const totalIdf = weights.reduce((a, w) => a + w.idf, 0) || 1;
  const sentence = /* @__PURE__ */ new Map();
  weights.forEach(({ group }, g) => {
    const best = bestPerDoc(index.passages, group);
    for (const [doc, hit] of best) {
      const entry = sentence.get(doc) ?? { score: 0, covered: 0, exact: 0, stems: /* @__PURE__ */ new Set() };
      entry.score += hit.score;
      entry.covered += weights[g].idf * hit.weight;
      if (hit.inText && hit.weight >= RANKING.typoWeight) entry.exact += weights[g].idf;
      if (hit.inText) entry.stems.add(hit.stem);
      sentence.set(doc, entry);
    }
  });
  const paragraphScore = new Float64Array(index.paragraphs.count);
  const paragraphCovered = new Float64Array(index.paragraphs.count);
  const paragraphGroups = /* @__PURE__ */ new Map();
  weights.forEach(({ group, idf: weight }, g) => {
    for (const [doc, hit] of bestPerDoc(index.paragraphs, group)) {
      paragraphScore[doc] += hit.score;
      paragraphCovered[doc] += weight * hit.weight;
      const groups = paragraphGroups.get(doc) ?? /* @__PURE__ */ new Set();
      groups.add(g);
      paragraphGroups.set(doc, groups);
    }
  });
  const asked = new Set(q.groups.map((g) => g.stems[0].stem));
  const asksForHeadline = q.groups.some((g) => /^(headline|title)s?$/.test(g.word));
  const out = [];
  const neighbourScore = (id2, n) => n >= 0 && n < passages.length && index.paragraphOf[n] === index.paragraphOf[id2] ? sentence.get(n)?.score ?? 0 : 0;
  const base = [];
  for (const [id2, s] of sentence) {
    const neighbours = neighbourScore(id2, id2 - 1) + neighbourScore(id2, id2 + 1);
    const coverage = Math.min(1, s.covered / totalIdf);
    const score = (s.score + RANKING.paragraphWeight * paragraphScore[index.paragraphOf[id2]] + RANKING.neighbourWeight * neighbours) * coverage ** RANKING.coverageExponent;
    base.push({ id: id2, score });
  }
  if (base.length > RANKING.rerankDepth) base.sort((a, b) => b.score - a.score || a.id - b.id).length = RANKING.rerankDepth;
  const parts = [];
  for (const { id: id2, score: baseScore } of base) {
    const s = sentence.get(id2);
    const coverage = Math.min(1, s.covered / totalIdf);
    const near = proximity(q, index, id2, weights);
    const phrases = phraseHits(q, passages[id2].text);
    const type = typeBonus(q, passages[id2].text, index.tokens[id2], asked);
    const speaker = q.speech ? speakerMatch(passages[id2].speakerStems, asked) : 0;
    let score = baseScore + (RANKING.proximityWeight * near + RANKING.phraseWeight * phrases) * coverage ** RANKING.coverageExponent;
    score *= 1 + type;
    if (q.speech) score *= 1 + RANKING.speakerBonus * speaker;
    const headline = passages[id2].kind === "headline" && !asksForHeadline;
    if (headline) score *= RANKING.headlineFactor;
    const para = index.paragraphOf[id2];
    const contextCoverage = Math.max(coverage, Math.min(1, paragraphCovered[para] / totalIdf));
    out.push({ id: id2, score, coverage, contextCoverage, contextGroups: paragraphGroups.get(para) ?? /* @__PURE__ */ new Set(), matchedStems: s.stems });
    const tokens = index.tokens[id2];
    parts.push({
      hand: score,
      sentence: s.score,
      paragraph: paragraphScore[para],
      neighbours: neighbourScore(id2, id2 - 1) + neighbourScore(id2, id2 + 1),
      coverage,
      exact: Math.min(1, s.exact / totalIdf),
      contextCoverage,
      proximity: near / totalIdf,
      phrases,
      type,
      speaker,
      headline,
      length: tokens.length,
      fresh: tokens.filter((t) => !STOP_WORDS.has(t.word) && !asked.has(t.stem)).length,
      opens: id2 === 0 || index.paragraphOf[id2 - 1] !== para,
      tokens,
      topSentence: 0,
      topParagraph: 0
    });
  }
  return rerank(out, parts, q, learned);
}
function bestPerDoc(stats2, group) {
  const best = /* @__PURE__ */ new Map();
  for (const { stem, weight } of group.stems) {
    const postings = weight > 0 ? stats2.postings.get(stem) : void 0;
    if (!postings) continue;
    const termIdf = idf(stats2, stem);
    for (const p of postings) {
      const tf = p.tf + RANKING.expansionWeight * p.xtf;
      const norm = tf * (RANKING.k1 + 1) / (tf + RANKING.k1 * (1 - RANKING.b + RANKING.b * stats2.lengths[p.doc] / stats2.avgLength));
      const effective = p.tf > 0 ? weight : weight * RANKING.expansionCoverage;
      const score = effective * termIdf * norm;
      const prev = best.get(p.doc);
      if (!prev || score > prev.score) best.set(p.doc, { score, weight: effective, stem, inText: p.tf > 0 });
    }
  }
  return best;
}
function speakerMatch(speaker, asked) {
  if (!speaker.size) return 0;
  let hit = 0;
  for (const s of speaker) if (asked.has(s)) hit++;
  return hit / speaker.size;
}
function proximity(q, index, doc, weights) {
  let bonus = 0;
  for (let i = 0; i + 1 < q.groups.length; i++) {
    const a = positionsIn(index, q.groups[i], doc);
    const b = positionsIn(index, q.groups[i + 1], doc);
    if (!a.length || !b.length) continue;
    if (a.some((x) => b.some((y) => Math.abs(y - x) <= RANKING.proximityWindow))) bonus += Math.min(weights[i].idf, weights[i + 1].idf);
  }
  return bonus;
}
function positionsIn(index, group, doc) {
  for (const { stem, weight } of group.stems) {
    if (weight < RANKING.typoWeight) continue;
    const at = index.positions.get(stem)?.get(doc);
    if (at) return at;
  }
  return [];
}
function phraseHits(q, text2) {
  if (!q.phrases.length) return 0;
  const folded = text2.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  return q.phrases.filter((p) => folded.includes(p)).length;
}
var DATE_WORD = /^(1\d{3}|20\d{2}|ad|bc|bce|ce|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|century|centuries|decade|yesterday|today|weekend|spring|summer|autumn|winter)$/;
var NUMBER_WORD = /^(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half|several)$/;
var PLACE_CUE = /* @__PURE__ */ new Set(["in", "at", "from", "for", "near", "toward", "towards"]);
var REASON = /\b(because|due to|since|so that|in order to|as a result|led to|reason)\b/i;
function typeBonus(q, text2, tokens, asked) {
  const b = RANKING.typeBonus;
  if (q.type === "any") return 0;
  if (q.type === "why") return REASON.test(text2) ? b / 2 : 0;
  if (q.type === "quote") return /["\u201c]/.test(text2) ? b / 2 : 0;
  const fresh = (i) => !asked.has(tokens[i].stem);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!fresh(i)) continue;
    if (q.type === "when" && DATE_WORD.test(t.word)) return b;
    if (q.type === "number" && NUMBER_WORD.test(t.word)) return b;
    if (q.type === "who" && t.capital && i > 0) return b;
    if (q.type === "where" && t.capital && i > 0 && PLACE_CUE.has(tokens[i - 1].word)) return b;
  }
  return 0;
}

// src/engine/answer-detail.ts
var MONTH = /^(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/;
var DAY = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|weekday|today|yesterday|tomorrow|tonight|morning|afternoon|evening|night|christmas|easter|midnight|noon)$/;
var PERIOD = /^(century|centuries|decade|decades|year|years|month|months|week|weeks|day|days|hour|hours|ago|earlier|later|since|until|before|after|during|spring|summer|autumn|fall|winter|dynasty|era|bc|bce|ad|ce)$/;
var YEAR = /^(1\d{3}|20\d{2})s?$/;
var NUMBER2 = /^(\d[\d,.]*\w*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|dozen|dozens|half|third|thirds|quarter|quarters|percent|several|few|many|majority|minority|double|twice|triple)$/;
var REASON2 = /\b(because|due to|since|so that|in order to|as a result|led to|leads? to|caused|causing|reason|after|amid|over|for|why|aimed|meant to|to avoid|to protect|to prevent|to defend|to end|trip|purpose|response|blamed|cited)\b/i;
function hasFigure(tokens, asked) {
  return tokens.some((t, i) => {
    if (!NUMBER2.test(t.word) || asked.has(t.stem)) return false;
    const next = tokens[i + 1]?.word ?? "";
    const prev = tokens[i - 1]?.word ?? "";
    if (YEAR.test(t.word) && !/^(people|troops|soldiers|fighters|members|votes|residents|cars|dollars|percent|times|kilometers|kilometres|miles|tons|tonnes|deaths|cases)$/.test(next)) return false;
    if (/^(ad|bc|bce|ce)$/.test(next) || MONTH.test(prev) || MONTH.test(next)) return false;
    return true;
  });
}
function hasTime(tokens, asked) {
  return tokens.some((t) => !asked.has(t.stem) && (YEAR.test(t.word) || MONTH.test(t.word) || DAY.test(t.word) || PERIOD.test(t.word)));
}
function hasReason(text2) {
  return REASON2.test(text2);
}
function hasName(tokens, asked) {
  return tokens.some((t, i) => i > 0 && t.capital && !asked.has(t.stem));
}
function holdsDetail(type, tokens, texts, asked) {
  if (type === "number") return tokens.some((t) => hasFigure(t, asked));
  if (type === "when") return tokens.some((t) => hasTime(t, asked));
  if (type === "why") return texts.some(hasReason);
  if (type === "who") return tokens.some((t) => hasName(t, asked));
  return true;
}

// src/engine/refusal.ts
var DETAIL_ABSENT = {
  number: "The article gives no figure for that."
};
function judge(q, weights, best, bestTokens, bestText, properNames) {
  const missing = phrasesOf(q.groups.filter((g) => !g.known));
  if (!q.groups.length) {
    return { found: false, missing, reason: "That question has no words to look up in the article. Ask about a person, an event or a claim in it." };
  }
  if (!best) return { found: false, missing, reason: `The article does not mention ${list(missing.length ? missing : phrasesOf(q.groups))}.` };
  const unknownNames = new Set(q.groups.filter((g) => !g.known && g.nameLike).map((g) => g.token));
  const names = phrasesOf(q.groups.filter((g) => g.nameLike && (unknownNames.has(g.token) || unknownNames.has(g.token - 1) || unknownNames.has(g.token + 1))));
  if (names.length && best.contextCoverage < RANKING.nameCoverageGate) return { found: false, missing, reason: `The article does not mention ${list(names.map(capitalise))}.` };
  if (best.contextCoverage < RANKING.minCoverage) {
    const absent = missing.length ? missing : weakest(weights, best);
    return { found: false, missing, near: best.contextCoverage >= RANKING.closestCoverage, reason: `The article does not cover that: it says nothing about ${list(absent)}.` };
  }
  const isName = (g) => g.nameLike || properNames.has(g.repaired ?? g.word);
  const phrasing = q.groups.map((g, i) => ({ g, i })).filter(({ g }) => !isName(g));
  if (phrasing.length && !phrasing.some(({ g, i }) => g.known || best.contextGroups.has(i))) {
    const subject = phrasesOf(q.groups.filter(isName));
    const about = list(phrasesOf(phrasing.map(({ g }) => g)));
    return { found: false, missing, reason: subject.length ? `The article mentions ${list(subject.map(capitalise), "and")} but says nothing about ${about}.` : `The article says nothing about ${about}.` };
  }
  if (DETAIL_ABSENT[q.type] && bestTokens && !holdsDetail(q.type, [bestTokens], [bestText ?? ""], askedStems(q))) {
    return { found: false, missing, near: true, reason: DETAIL_ABSENT[q.type] };
  }
  return { found: true, missing };
}
function weakest(weights, best) {
  return phrasesOf(weights.filter((w) => !w.group.stems.some((s) => best.matchedStems.has(s.stem))).map((w) => w.group)).slice(0, 3);
}
function phrasesOf(groups) {
  const out = [];
  let last = -2;
  for (const g of groups) {
    if (g.token === last + 1 && out.length) out[out.length - 1] += ` ${g.surface}`;
    else out.push(g.surface);
    last = g.token;
  }
  return out;
}
function list(words, conjunction = "or") {
  const quoted = [...new Set(words)].slice(0, 4).map((w) => `\u201C${w}\u201D`);
  return quoted.length <= 1 ? quoted[0] ?? "that" : `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted.at(-1)}`;
}
function capitalise(w) {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

// src/engine/suggest.ts
import Fuse from "fuse.js";
var MAX_CHOICE_LENGTH = 100;
var MAX_CHOICES = 25;
var TEMPLATE_WORDS = "who is what was did say happened does the article about";
var Suggester = class {
  /** Questions a reader may pick: a few dozen, so Fuse.js searches them in microseconds. */
  questions;
  fuse;
  entities;
  /** Names a reader may pick as they are: the pack's entities, or the names found in an uncurated text. */
  names;
  starters;
  questionStems;
  constructor(pack, passages) {
    const found = pack.curated ? [] : namesIn2(passages);
    this.questions = unique(
      [
        ...pack.entities.map(entityQuestion),
        ...pack.quotes.map(quoteQuestion),
        ...pack.quotes.map((q) => speakerQuestion(q, pack.entities)),
        ...pack.timeline.map(timelineQuestion),
        ...found.map((n) => `What does the article say about ${n}?`)
        // untyped: a name may be a person, a place or a paper
      ].filter((q) => q !== void 0).map((q) => q.replace(/\s+/g, " ").trim()).filter((q) => q.length <= MAX_CHOICE_LENGTH)
    );
    this.fuse = new Fuse(this.questions, { includeScore: true, ignoreLocation: true, threshold: 0.3, minMatchCharLength: 2, useTokenSearch: true });
    this.entities = new Fuse(
      pack.entities.flatMap((entity) => [entity.name, ...entity.aliases].map((name) => ({ entity, name }))),
      { keys: ["name"], includeScore: true, threshold: 0.35, ignoreLocation: true }
    );
    this.names = new Fuse(unique([...pack.entities.map((e) => e.name), ...found]).filter((n) => n.length <= MAX_CHOICE_LENGTH), { threshold: 0.35, ignoreLocation: true });
    this.starters = this.questions.slice(0, MAX_CHOICES);
  }
  /** Questions that match what is typed so far, then the names it matches. */
  suggest(partial, limit = MAX_CHOICES) {
    const n = Math.max(0, Math.min(MAX_CHOICES, Math.floor(limit) || 0));
    const query = cleanQuery(partial);
    if (!query) return this.starters.slice(0, n);
    const questions = this.fuse.search(query, { limit: n }).map((r) => r.item);
    const names = this.names.search(query, { limit: n }).map((r) => r.item);
    return unique([...questions.slice(0, Math.ceil(n / 2)), ...names, ...questions]).slice(0, n);
  }
  /**
   * Questions the article can answer that share the words (or their repairs) the reader used.
   * Refusals are frequent, so this uses the already-analysed question instead of a fuzzy search.
   */
  didYouMean(stems, limit) {
    const template = new Set(tokenize(TEMPLATE_WORDS).map((t) => t.stem));
    this.questionStems ??= this.questions.map((q) => new Set(tokenize(q).filter((t) => !STOP_WORDS.has(t.word) && !template.has(t.stem)).map((t) => t.stem)));
    return this.questions.map((q, i) => ({ q, score: stems.reduce((sum, s) => sum + (this.questionStems[i].has(s.stem) ? s.weight : 0), 0) })).filter((x) => x.score > 0).sort((a, b) => b.score - a.score).slice(0, limit).map((x) => x.q);
  }
  findEntity(name) {
    const query = cleanQuery(name);
    if (!query) return void 0;
    return this.entities.search(query, { limit: 1 })[0]?.item.entity;
  }
};
function cleanQuery(s) {
  return String(s ?? "").replace(/[\u0000-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, " ").replace(/\s+/g, " ").trim().slice(0, 32);
}
function unique(xs) {
  return [...new Set(xs)];
}
function entityQuestion(e) {
  const name = asNamed(e);
  if (e.type === "person") return `Who is ${name}?`;
  if (e.type === "organisation") return `What is ${name}?`;
  if (e.type === "event") return `What was ${name}?`;
  return `What does the article say about ${name}?`;
}
function asNamed(e) {
  if (new RegExp("^[Tt]he\\s|^\\S+['\u2019]s\\s\\p{Ll}", "u").test(e.name)) return e.name;
  const described = new RegExp("\\s\\p{Ll}", "u").test(e.name.replace(/\s(of|and)\s/g, " "));
  const manyWord = e.type !== "person" && e.type !== "place" && /\s/.test(e.name);
  return described || manyWord ? `the ${e.name}` : e.name;
}
function quoteQuestion(q) {
  const whole = `Who said \u201C${q.text}\u201D?`;
  return whole.length <= MAX_CHOICE_LENGTH ? whole : void 0;
}
function speakerQuestion(q, entities) {
  const speaker = entities.find((e) => e.id === q.speaker);
  return speaker ? `What did ${asNamed(speaker)} say?` : void 0;
}
function timelineQuestion(t) {
  const when = t.when.replace(/\s*\([^)]*\)/g, "").replace(/\s*\[[^\]]*\]/g, "").trim();
  if (!/\d|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(january|february|march|april|may|june|july|august|september|october|november|december)\b/i.test(when)) return void 0;
  if (when.split(/\s+/).length > 5) return void 0;
  return `What happened ${/^(in|on|at|late|early|by)\b/i.test(when) ? when : /^\d/.test(when) ? `in ${when}` : `on ${when}`}?`;
}
function namesIn2(passages) {
  const counts = /* @__PURE__ */ new Map();
  for (const p of passages) {
    for (const m of p.text.matchAll(new RegExp("(?<![.!?]\\s|^)\\b\\p{Lu}\\p{Ll}+(?:\\s\\p{Lu}\\p{Ll}+)+", "gu"))) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([n]) => n);
}

// src/engine/about-article.ts
var THE_ARTICLE = String.raw`(?:(?:this|that|the)\s+(?:article|story|piece|post|report|news\s+story|news)|this|it)`;
var FACETS = [
  ["summary", /^\W*(?:tl\s?;?\s?dr|tldr|summary|summari[sz]e|sum\s+(?:it|this)\s+up|gist)\W*$/],
  ["summary", new RegExp(String.raw`\b(?:what(?:'s| is| was)?|whats)\s+${THE_ARTICLE}\s+(?:even\s+|all\s+|mainly\s+|actually\s+)?about\b|\b(?:summari[sz]e|sum\s+up|tl\s?;?\s?dr\s+(?:of|for))\s+${THE_ARTICLE}\b|\bwhat(?:'s| is)\s+the\s+(?:gist|summary|main\s+point|point)\s+of\s+${THE_ARTICLE}\b|\b(?:give|can)\s+(?:me\s+)?(?:a\s+)?(?:summary|tl\s?;?\s?dr|gist)\b`)],
  ["authors", new RegExp(String.raw`\bwho\s+(?:wrote|writes|authored|reported|penned|is\s+behind|made)\s+${THE_ARTICLE}\s*\W*$|\bwho(?:'s| is| are| was| were)\s+the\s+(?:author|authors|writer|writers|reporter|reporters|journalist|journalists)\b(?:\s+of\s+${THE_ARTICLE})?\s*\W*$|\bwho\s+is\s+${THE_ARTICLE}\s+(?:by|from)\b|\b(?:author|byline)s?\s+of\s+${THE_ARTICLE}\b`)],
  ["published", new RegExp(String.raw`\bwhen\s+(?:was|is|did)\s+${THE_ARTICLE}\s+(?:(?:first\s+)?(?:published|posted|written|released|out|come\s+out|came\s+out|put\s+out|from|dated))\b|\b(?:publication|publish|published|release)\s+date\s+of\s+${THE_ARTICLE}\b|\bwhat(?:'s| is)\s+the\s+(?:publication\s+|publish\s+)?date\s+(?:of|on)\s+${THE_ARTICLE}\b|\bhow\s+old\s+is\s+${THE_ARTICLE}\b`)],
  ["publisher", new RegExp(String.raw`\bwho\s+(?:published|publishes|ran|printed)\s+${THE_ARTICLE}\s*\W*$|\b(?:what|which)\s+(?:outlet|site|website|paper|newspaper|publication|magazine|source)\s+(?:is\s+${THE_ARTICLE}\s+from|(?:published|ran|printed)\s+${THE_ARTICLE})\b|\bwhere\s+(?:is|was)\s+${THE_ARTICLE}\s+(?:from|published)\b`)],
  ["length", new RegExp(String.raw`\bhow\s+(?:long|big|many\s+words)\s+(?:is|was)\s+${THE_ARTICLE}\b|\bhow\s+long\s+(?:does|will)\s+(?:it|${THE_ARTICLE})\s+take\s+to\s+read\b|\breading\s+time\b|\bword\s+count\s+of\s+${THE_ARTICLE}\b`)],
  ["url", new RegExp(String.raw`\b(?:link|url|source\s+link)\s+(?:to|for|of)\s+${THE_ARTICLE}\b|\bwhere\s+can\s+i\s+read\s+${THE_ARTICLE}\b|^\W*(?:link|url|source)\s*\??\W*$`)]
];
var PADDING = new Set("ok okay so wait hey hi um uh anyway anyways lol lmao pls please quick question guys and but then like just".split(" "));
function articleFacet(question) {
  const q = question.toLowerCase().replace(/\s+/g, " ").trim();
  for (const [facet, pattern] of FACETS) {
    const m = pattern.exec(q);
    if (!m) continue;
    if (!/\b(?:article|story|piece|post|report|news)\b/.test(m[0]) && !onlyPadding(q.slice(0, m.index) + " " + q.slice(m.index + m[0].length))) continue;
    return facet;
  }
  return void 0;
}
function onlyPadding(rest) {
  return (rest.match(/[\p{L}\p{N}']+/gu) ?? []).every((w) => PADDING.has(w));
}
function aboutArticle(pack, facet) {
  const { meta } = pack;
  const by = meta.contributors.length ? ` Contributors: ${joinNames(meta.contributors)}.` : "";
  const publisher = knownPublisher(meta.publisher);
  switch (facet) {
    case "summary":
    case "headline": {
      const summary = meta.summary ?? lede(pack);
      return { text: facet === "headline" || !summary ? `\u201C${meta.title}\u201D` : `\u201C${meta.title}\u201D: ${summary}` };
    }
    case "authors":
      if (meta.contributors.length) return { text: `${joinNames(meta.contributors)}${publisher ? `, for ${publisher}` : ""} (the article's credits).` };
      return publisher ? { text: `The article names no author; it was published by ${publisher}.` } : { reason: "The article names no author." };
    case "published":
      if (meta.published) return { text: `Published ${formatDate(meta.published)}${publisher ? ` by ${publisher}` : ""}.` };
      return { reason: `The article does not say when it was published.${publisher ? ` It is from ${publisher}.` : ""}` };
    case "publisher":
      return publisher ? { text: `Published by ${publisher}.${by}` } : { reason: "The article does not name its publisher." };
    case "length": {
      const words = pack.paragraphs.filter((p) => p.kind === "body").reduce((n, p) => n + p.text.split(/\s+/).filter(Boolean).length, 0);
      return { text: `About ${words} words${meta.readingTime ? ` (${meta.readingTime})` : `, a ${Math.max(1, Math.round(words / 230))}-minute read`}.` };
    }
    case "url":
      return meta.url ? { text: `The article is at ${meta.url}` } : { reason: "The article does not come with a link." };
  }
}
function knownPublisher(publisher) {
  return /^the article$/i.test(publisher.trim()) ? void 0 : publisher;
}
function lede(pack) {
  for (const p of pack.paragraphs) {
    if (p.kind !== "body") continue;
    const first = splitSentences(p.text)[0]?.text.trim();
    if (first && first.split(/\s+/).length >= 8) return first;
  }
  return void 0;
}
function joinNames(names) {
  return names.length <= 1 ? names[0] ?? "" : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
var MONTHS2 = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
function formatDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS2[(m ?? 1) - 1]} ${y} (${iso})`;
}

// src/engine/band.ts
function bandOf(score, detailShown = true) {
  if (score >= RANKING.confidenceBands.high && detailShown) return "high";
  return score >= RANKING.confidenceBands.medium ? "medium" : "low";
}

// src/engine/index.ts
var DEFAULT_ALTERNATIVES = 4;
function createEngine(pack) {
  loadEverydayEnglish();
  const records = buildPassages(pack);
  const index = buildTermIndex(records);
  const stems = new Set(index.passages.postings.keys());
  const vocabulary = new Vocabulary(new Set(index.words.keys()), stems, index.words, index.nameOnly);
  const suggester = new Suggester(pack, records);
  const attributions = records.map(formatAttribution);
  const toPassage = (r, s, top) => ({
    text: r.text,
    attribution: attributions[r.id],
    speaker: r.speaker,
    ...r.role ? { role: r.role } : {},
    how: r.how,
    paragraph: r.paragraph,
    paragraphLabel: r.paragraphLabel,
    passageId: r.id,
    score: s ? confidence(s, top) : 0,
    matched: s ? matchedWords(r.text, index.tokens[r.id], s.matchedStems) : [],
    article: pack.meta.slug
  });
  const headline = records.find((r) => r.kind === "headline") ?? records[0];
  const answerAbout = (question, facet) => {
    const about = aboutArticle(pack, facet);
    const base = { question, about: facet, alternatives: [], missing: [], suggestions: [] };
    if (!about.text) return { ...base, found: false, answer: null, reason: about.reason };
    const answer = {
      text: about.text,
      attribution: `${pack.meta.publisher} (the article's details)`,
      speaker: pack.meta.publisher,
      how: "the article's details",
      // The headline's place, so "context" and feedback buttons point at a real part of the article.
      paragraph: headline?.paragraph ?? 0,
      paragraphLabel: "about the article",
      passageId: headline?.id ?? 0,
      score: 1,
      matched: [],
      article: pack.meta.slug
    };
    return { ...base, found: true, answer, band: "high" };
  };
  const entityByName = /* @__PURE__ */ new Map();
  for (const e of pack.entities) for (const n of [e.name, ...e.aliases, e.id]) entityByName.set(fold(n).toLowerCase(), e);
  return {
    pack,
    answer(question, options = {}) {
      const facet = articleFacet(expandChatSpellings(fold(String(question ?? "").slice(0, 300))));
      if (facet) return answerAbout(question, facet);
      const q = analyseQuestion(String(question ?? ""), vocabulary, !pack.curated);
      const weights = groupWeights(q, index);
      const ranked = rankPassages(q, index, records, weights, !pack.curated);
      const best = ranked[0];
      const verdict = judge(q, weights, best, best ? index.tokens[best.id] : void 0, best ? records[best.id].text : void 0, index.names);
      const n = options.alternatives ?? DEFAULT_ALTERNATIVES;
      const parts = verdict.found ? [] : splitTwoPart(String(question ?? ""));
      if (parts.length === 2) {
        const [first, second] = parts.map((p) => this.answer(p, options));
        if (first.found && second.found) return joinParts(question, first, second, options.alternatives ?? DEFAULT_ALTERNATIVES);
      }
      if (!verdict.found) {
        return {
          question,
          found: false,
          answer: null,
          alternatives: [],
          reason: verdict.reason,
          missing: verdict.missing,
          suggestions: suggester.didYouMean(q.groups.flatMap((g) => g.stems), 3),
          ...verdict.near && best ? { closest: toPassage(records[best.id], best) } : {}
        };
      }
      const answer = toPassage(records[best.id], best);
      return {
        question,
        found: true,
        answer,
        alternatives: ranked.slice(1, 1 + n).map((s) => toPassage(records[s.id], s, best)),
        missing: verdict.missing,
        suggestions: [],
        band: bandOf(answer.score, holdsDetail(q.type, [index.tokens[best.id]], [answer.text], askedStems(q)))
      };
    },
    relevance(question, stems2) {
      if (stems2) {
        const max = idf(index.passages, "\0");
        let total2 = 0;
        let found2 = 0;
        for (const stem of stems2) {
          const has = index.passages.postings.has(stem);
          const weight = has ? idf(index.passages, stem) : max;
          total2 += weight;
          if (has) found2 += weight;
        }
        return total2 > 0 ? found2 / total2 : 0;
      }
      const q = analyseQuestion(String(question ?? ""), vocabulary, !pack.curated);
      const weights = groupWeights(q, index);
      const total = weights.reduce((a, w) => a + w.idf, 0);
      const found = weights.filter((w) => w.group.stems.some((s) => s.weight > 0 && index.passages.postings.has(s.stem))).reduce((a, w) => a + w.idf, 0);
      return total > 0 ? found / total : 0;
    },
    suggest: (partial, limit = 25) => suggester.suggest(partial, limit),
    paragraph: (i) => pack.paragraphs[i],
    passage: (id2) => records[id2] ? toPassage(records[id2]) : void 0,
    findEntity(name) {
      const key = fold(String(name ?? "")).toLowerCase().trim();
      return entityByName.get(key) ?? suggester.findEntity(key);
    },
    mentions: (entityId) => records.filter((r) => r.entities.includes(entityId)).map((r) => toPassage(r)),
    quotes(filter = {}) {
      let quotes = pack.quotes;
      if (filter.speaker) {
        const entity = this.findEntity(filter.speaker);
        quotes = entity ? quotes.filter((q) => q.speaker === entity.id) : [];
      }
      if (filter.topic?.trim()) {
        const topic = tokenize(filter.topic).map((t) => t.stem);
        quotes = quotes.filter((q) => {
          const words = new Set(tokenize(`${q.text} ${pack.paragraphs[q.paragraph]?.text ?? ""}`).map((t) => t.stem));
          return topic.some((t) => words.has(t));
        });
      }
      return quotes;
    },
    timeline: () => [...pack.timeline].sort((a, b) => a.date.localeCompare(b.date))
  };
}
function joinParts(question, first, second, n) {
  const a = [first.answer, ...first.alternatives];
  const b = [second.answer, ...second.alternatives];
  let shared;
  a.forEach((p, i) => {
    const j = b.findIndex((o) => o.passageId === p.passageId && o.article === p.article);
    if (j >= 0 && (!shared || i + j < shared.rank)) shared = { passage: p, score: Math.min(p.score, b[j].score), rank: i + j };
  });
  const best = shared ? { ...shared.passage, score: shared.score } : { ...first.answer, score: Math.min(first.answer.score, second.answer.score) };
  const alternatives = [...shared ? [] : [second.answer], ...first.alternatives, ...second.alternatives].filter((p, i, all) => p.passageId !== best.passageId && all.findIndex((o) => o.passageId === p.passageId) === i).slice(0, n);
  return { question, found: true, answer: best, alternatives, missing: [], suggestions: [], band: bandOf(best.score) };
}
function splitTwoPart(question) {
  const m = /^(.{8,}?)(?:[,;?]\s*(?:and|but|also|plus)?|\s+(?:and|but|also|plus))\s+((?:what|who|whom|when|where|why|how|which|did|does|do|is|was|were|are|has|had)\b.{8,})$/i.exec(question.trim());
  return m ? [m[1].trim(), m[2].trim()] : [];
}
function formatAttribution(r) {
  const who = r.role && !restates(r.speaker, r.role) ? `${r.speaker}, ${r.role}` : r.speaker;
  return `${who} (${r.how})`;
}
function restates(speaker, role) {
  const said = new Set(tokenize(speaker).map((t) => t.stem.slice(0, 5)));
  const roleWords = tokenize(role).filter((t) => t.word.length > 3);
  return roleWords.length > 0 && roleWords.filter((t) => said.has(t.stem.slice(0, 5))).length / roleWords.length >= 0.6;
}
function confidence(s, top) {
  const own = 0.7 * s.coverage + 0.3 * (1 - Math.exp(-s.score / 6));
  const capped = top && top.score > 0 ? Math.min(own, confidence(top) * (s.score / top.score)) : own;
  return Math.round(Math.min(1, Math.max(0, capped)) * 1e3) / 1e3;
}
function matchedWords(text2, tokens, stems) {
  const words = /* @__PURE__ */ new Set();
  for (const t of tokens) if (stems.has(t.stem)) words.add(text2.slice(t.start, t.end));
  return [...words];
}

// src/engine/library.ts
var ARTICLES_RANKED = 3;
function createLibrary(packs) {
  const engines = /* @__PURE__ */ new Map();
  for (const pack of packs) {
    if (engines.has(pack.meta.slug)) throw new Error(`Two articles share the slug "${pack.meta.slug}" (${pack.source})`);
    engines.set(pack.meta.slug, createEngine(pack));
  }
  const articles = [...engines.values()].map((e) => e.pack.meta);
  const byScore = (a, b) => b.score - a.score;
  return {
    articles,
    engine: (slug) => engines.get(slug),
    findArticle(nameOrSlug) {
      const key = String(nameOrSlug ?? "").trim().toLowerCase();
      if (!key) return void 0;
      return articles.find((a) => a.slug === key) ?? articles.find((a) => a.title.toLowerCase().includes(key));
    },
    answer(question, options = {}) {
      if (options.article) {
        const engine = engines.get(options.article);
        if (!engine) throw new Error(`No article "${options.article}" in the library`);
        return engine.answer(question, options);
      }
      if (engines.size === 1) return [...engines.values()][0].answer(question, options);
      const stems = [...new Set(contentTokens(String(question ?? "").slice(0, 1e3)).map((t) => t.stem))];
      let scored = [...engines.values()].map((engine) => ({ engine, relevance: engine.relevance(question, stems) }));
      if (!scored.some((s) => s.relevance > 0)) scored = scored.map(({ engine }) => ({ engine, relevance: engine.relevance(question) }));
      const ranked = scored.sort((a, b) => b.relevance - a.relevance).slice(0, ARTICLES_RANKED);
      const answers = ranked.map(({ engine }) => engine.answer(question, options));
      const found = answers.filter((a) => a.found).sort((a, b) => b.answer.score - a.answer.score);
      if (!found.length) return answers[0] ?? emptyAnswer(question);
      const [best, ...rest] = found;
      const n = options.alternatives ?? 4;
      const alternatives = [...best.alternatives, ...rest.flatMap((a) => [a.answer, ...a.alternatives])].sort(byScore).slice(0, n);
      return { ...best, alternatives };
    },
    suggest(partial, options = {}) {
      const limit = options.limit ?? 25;
      if (options.article) return engines.get(options.article)?.suggest(partial, limit) ?? [];
      const lists = [...engines.values()].map((e) => e.suggest(partial, limit));
      const out = [];
      for (let i = 0; out.length < limit && lists.some((l) => i < l.length); i++) {
        for (const l of lists) if (l[i] && !out.includes(l[i]) && out.length < limit) out.push(l[i]);
      }
      return out;
    }
  };
}
function emptyAnswer(question) {
  return { question, found: false, answer: null, alternatives: [], reason: "The library has no articles.", missing: [], suggestions: [] };
}

// src/runtime/load-library.ts
import { existsSync as existsSync3, readdirSync, statSync as statSync2 } from "node:fs";
import { join as join6, resolve as resolve2 } from "node:path";
var DEFAULT_LIBRARY_DIR = join6(REPO_ROOT, "knowledge");
function isDirectory(path) {
  try {
    return statSync2(path).isDirectory();
  } catch {
    return false;
  }
}
function isPackDir(dir) {
  return existsSync3(join6(dir, "article.txt"));
}
function problemsOf(err, dir) {
  if (err instanceof KnowledgeError) return err.problems;
  return [{ file: dir, path: "", message: err instanceof Error ? err.message : String(err) }];
}
function loadLibraryDir(dir) {
  const root = resolve2(dir);
  if (!isDirectory(root)) throw new KnowledgeError({ file: root, path: "", message: "knowledge pack directory does not exist" });
  if (isPackDir(root)) return { root, packs: [loadPack(root)], skipped: [], single: true };
  const folders = readdirSync(root).filter((name) => !name.startsWith(".") && isDirectory(join6(root, name))).sort();
  if (folders.length === 0) {
    throw new KnowledgeError({ file: root, path: "", message: "no knowledge packs here: expected one folder per article, each with an article.txt (npm run ingest makes one)" });
  }
  const packs = [];
  const skipped = [];
  const bySlug = /* @__PURE__ */ new Map();
  for (const name of folders) {
    const packDir = join6(root, name);
    try {
      const pack = loadPack(packDir);
      const other = bySlug.get(pack.meta.slug);
      if (other) {
        throw new KnowledgeError({ file: join6(packDir, "meta.json"), path: "slug", message: `slug "${pack.meta.slug}" is already used by ${other}; every article needs its own` });
      }
      bySlug.set(pack.meta.slug, packDir);
      packs.push(pack);
    } catch (err) {
      const problems = problemsOf(err, packDir);
      skipped.push({ dir: packDir, message: new KnowledgeError(problems).message, problems });
    }
  }
  if (packs.length === 0) {
    const err = new KnowledgeError(skipped.flatMap((s) => s.problems));
    err.message = `No knowledge pack in ${root} could be loaded (${skipped.length} skipped):
${err.message}`;
    throw err;
  }
  return { root, packs, skipped, single: false };
}
function loadLibraryFromEnv() {
  return loadLibraryDir(knowledgeDirFromEnv() ?? DEFAULT_LIBRARY_DIR);
}
function singleEngineLibrary(engine) {
  const meta = engine.pack.meta;
  const mine = (slug) => slug === void 0 || slug === meta.slug;
  return {
    articles: [meta],
    engine: (slug) => slug === meta.slug ? engine : void 0,
    findArticle(nameOrSlug) {
      const key = String(nameOrSlug ?? "").trim().toLowerCase();
      if (!key) return void 0;
      return meta.slug === key || meta.title.toLowerCase().includes(key) ? meta : void 0;
    },
    answer(question, options = {}) {
      if (!mine(options.article)) throw new Error(`No article "${options.article}" in the library`);
      return engine.answer(question, options);
    },
    suggest(partial, options = {}) {
      if (!mine(options.article)) return [];
      return engine.suggest(partial, options.limit ?? 25);
    }
  };
}

// src/reply/answer.ts
import {
  ButtonStyle,
  ComponentType
} from "discord-api-types/v10";

// src/discord/custom-id.ts
var ASK_PREFIX = "ask";
function moreMatchesId(slug, passageIds, kind = "more") {
  const ids = [...passageIds];
  let id2 = `${ASK_PREFIX}:${kind}:${slug}:${ids.join(".")}`;
  while (id2.length > LIMITS.customId && ids.length > 1) {
    ids.pop();
    id2 = `${ASK_PREFIX}:${kind}:${slug}:${ids.join(".")}`;
  }
  if (id2.length > LIMITS.customId) throw new Error(`custom_id over ${LIMITS.customId} characters for slug ${slug}`);
  return id2;
}
function askButtonsFit(slug) {
  return `${ASK_PREFIX}:more:${slug}:999999999`.length <= LIMITS.customId;
}
function contextId(slug, passageId, kind = "ctx") {
  const id2 = `${ASK_PREFIX}:${kind}:${slug}:${passageId}`;
  if (id2.length > LIMITS.customId) throw new Error(`custom_id over ${LIMITS.customId} characters for slug ${slug}`);
  return id2;
}
function feedbackId(slug, passageId) {
  return contextId(slug, passageId, "miss");
}
var ID_LIST = /^\d{1,9}(\.\d{1,9})*$/;
function parseAskButton(customId) {
  const [prefix, kind, slug, rest, ...extra] = customId.split(":");
  if (prefix !== ASK_PREFIX || !slug || rest === void 0 || extra.length > 0) return void 0;
  if ((kind === "more" || kind === "next") && ID_LIST.test(rest)) return { kind, slug, passageIds: rest.split(".").map(Number) };
  if ((kind === "ctx" || kind === "miss") && /^\d{1,9}$/.test(rest)) return { kind, slug, passageId: Number(rest) };
  return void 0;
}
var DID_YOU_MEAN = `${ASK_PREFIX}:dym`;
function didYouMeanId(slug) {
  const id2 = `${DID_YOU_MEAN}:${slug ?? ""}`;
  return id2.length <= LIMITS.customId ? id2 : void 0;
}
function parseDidYouMean(customId) {
  const m = /^ask:dym:([a-z0-9][a-z0-9-]*)?$/.exec(customId);
  return m ? { slug: m[1] ?? "" } : void 0;
}

// src/reply/confidence.ts
var HINTS = {
  high: (pct) => ({ label: `High (${pct}): the passage addresses the question directly.`, colour: COLOURS.high }),
  medium: (pct) => ({ label: `Medium (${pct}): read the passage to be sure.`, colour: COLOURS.medium }),
  low: (pct) => ({ label: `Low (${pct}): the closest passage, which may not answer it.`, colour: COLOURS.low })
};
function confidenceHint(raw, band) {
  const score = Number.isFinite(raw) ? raw : 0;
  const pct = `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%`;
  if (band && band in HINTS) return HINTS[band](pct);
  if (score >= RANKING.confidenceBands.high) return HINTS.high(pct);
  if (score >= RANKING.confidenceBands.medium) return HINTS.medium(pct);
  return HINTS.low(pct);
}

// src/reply/escape.ts
var ZWSP = "\u200B";
var INLINE = /[\\*_~`|[\]]/g;
var LINE_START = /^([ \t]*)([>#+-]|\d+\.)/gm;
var HAS_INLINE = /[\\*_~`|[\]]/;
var HAS_LINE_START = /^[ \t]*(?:[>#+-]|\d+\.)/m;
function escapeMarkdown(text2) {
  const inline = HAS_INLINE.test(text2) ? text2.replace(INLINE, (c) => `\\${c}`) : text2;
  if (!HAS_LINE_START.test(inline)) return inline;
  return inline.replace(LINE_START, (_m, space, marker) => {
    return marker.endsWith(".") ? `${space}${marker.slice(0, -1)}\\.` : `${space}\\${marker}`;
  });
}
function neutraliseMentions(text2) {
  const at = text2.includes("@") ? text2.replace(/@/g, `@${ZWSP}`) : text2;
  const tags = at.includes("<") ? at.replace(/<([#/:]|[a-z]+:)/gi, `<${ZWSP}$1`) : at;
  return tags.includes("://") ? tags.replace(/:\/\//g, `:${ZWSP}//`) : tags;
}
function escapeText(text2) {
  return neutraliseMentions(escapeMarkdown(text2));
}
function plainText(text2) {
  return neutraliseMentions(text2);
}
function oneLine(text2) {
  return text2.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
}

// src/reply/highlight.ts
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var MAX_REGEX_TERM = 200;
var compiled = /* @__PURE__ */ new Map();
var MAX_COMPILED = 512;
function termsRegex(words) {
  const key = words.join("\0");
  let re = compiled.get(key);
  if (!re) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "giu");
    compiled.set(key, re);
  }
  return re;
}
function highlight(text2, terms) {
  const ranges = [];
  const unique2 = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  const words = unique2.filter((t) => t.length <= MAX_REGEX_TERM);
  if (words.length > 0) {
    const re = termsRegex(words);
    re.lastIndex = 0;
    for (let m = re.exec(text2); m; m = re.exec(text2)) {
      ranges.push([m.index, m.index + m[0].length]);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  for (const long of unique2.filter((t) => t.length > MAX_REGEX_TERM)) {
    for (let at2 = text2.indexOf(long); at2 >= 0; at2 = text2.indexOf(long, at2 + long.length)) ranges.push([at2, at2 + long.length]);
  }
  if (ranges.length === 0) return escapeText(text2);
  ranges.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && (r[0] <= last[1] || /^\s+$/.test(text2.slice(last[1], r[0])))) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  let out = "";
  let at = 0;
  for (const [start, end] of merged) {
    out += `${escapeText(text2.slice(at, start))}**${escapeText(text2.slice(start, end))}**`;
    at = end;
  }
  return out + escapeText(text2.slice(at));
}

// src/reply/source.ts
function sourceLine(meta, paragraphLabel) {
  const title = `\u201C${escapeText(meta.title)}\u201D`;
  const url = linkTarget(meta.url);
  const linked = url ? `[${title}](${url})` : title;
  const publisher = meta.publisher === UNKNOWN_PUBLISHER ? "" : `, ${escapeText(meta.publisher)}`;
  const line = `${escapeText(paragraphLabel)} of ${linked}${publisher}`;
  return line.length <= LIMITS.fieldValue ? line : `${escapeText(paragraphLabel)} of ${title}${publisher}`;
}
function linkTarget(url) {
  if (!url || !/^https?:\/\/\S+$/i.test(url)) return void 0;
  return url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
function attributionLine(p) {
  return `\u2014 ${escapeText(p.attribution)}`;
}

// src/reply/answer.ts
var MATCHES_PER_PAGE = 3;
var CLOSEST_LEAD = "The article doesn't say exactly; the closest it comes is:";
var DID_YOU_MEAN_COUNT = 3;
function questionTitle(question) {
  const q = oneLine(question) || "(empty question)";
  return fitRendered(q, (t) => `\u201C${escapeText(t)}\u201D`, LIMITS.title);
}
function passageBlock(p, max) {
  const attribution = truncate(attributionLine(p), Math.floor(max / 3));
  const room = max - attribution.length - 2;
  return `${fitRendered(p.text, (t) => highlight(t, p.matched), room)}

${attribution}`;
}
function askButtons(best, more) {
  const buttons = [];
  if (more.length > 0) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: "More matches",
      custom_id: moreMatchesId(best.article, more.map((p) => p.passageId))
    });
  }
  buttons.push({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: "Show context",
    custom_id: contextId(best.article, best.passageId)
  });
  buttons.push({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: "This didn't answer me",
    custom_id: feedbackId(best.article, best.passageId)
  });
  return { type: ComponentType.ActionRow, components: buttons };
}
function answerReply(answer, meta, opts) {
  const best = answer.found ? answer.answer : null;
  if (best && answer.about) return aboutReply(answer, best, meta, opts);
  if (!best) return answer.closest ? closestReply(answer, answer.closest, meta, opts) : notFoundReply(answer, opts);
  const hint = confidenceHint(best.score, answer.band);
  const embed = {
    title: questionTitle(answer.question),
    description: passageBlock(best, LIMITS.description),
    color: hint.colour,
    fields: [
      { name: "Source", value: sourceLine(meta, best.paragraphLabel) },
      { name: "Confidence", value: hint.label }
    ],
    footer: { text: "Answers come only from the article. More matches shows other passages; Show context shows the paragraph; This didn't answer me tells the moderators." }
  };
  if (meta.url) embed.url = meta.url;
  const components = askButtonsFit(best.article) ? [askButtons(best, answer.alternatives)] : [];
  return message({ embeds: [embed], components, ephemeral: opts.ephemeral });
}
function closestReply(answer, closest, meta, opts) {
  const lead = `**${CLOSEST_LEAD}**

`;
  const embed = {
    title: questionTitle(answer.question),
    description: lead + passageBlock(closest, LIMITS.description - lead.length),
    color: COLOURS.low,
    fields: [{ name: "Source", value: sourceLine(meta, closest.paragraphLabel) }],
    footer: { text: "Not an answer: the nearest the article comes. Show context shows the paragraph." }
  };
  if (meta.url) embed.url = meta.url;
  const menu = didYouMeanMenu(didYouMean(answer.suggestions), opts.article);
  const components = [...askButtonsFit(closest.article) ? [askButtons(closest, [])] : [], ...menu ? [menu] : []];
  return message({ embeds: [embed], components, ephemeral: opts.ephemeral });
}
function aboutReply(answer, about, meta, opts) {
  const embed = {
    title: questionTitle(answer.question),
    description: fitRendered(about.text, escapeText, LIMITS.description),
    color: COLOURS.info,
    fields: [{ name: "Source", value: `The article's details: \u201C${escapeText(meta.title)}\u201D, ${escapeText(meta.publisher)}` }]
  };
  if (meta.url) embed.url = meta.url;
  return message({ embeds: [embed], ephemeral: opts.ephemeral });
}
function notFoundReply(answer, opts) {
  const reason = answer.reason ?? "The article does not cover that.";
  const where = opts.searched && opts.searched > 1 ? `any of the ${opts.searched} articles` : "the article";
  const lines2 = [`**Not in ${where}.** ${escapeText(reason)}`];
  const picks = didYouMean(answer.suggestions);
  if (picks.length > 0) lines2.push("", "**Did you mean:**", ...picks.map((s) => `\u2022 ${escapeText(s)}`));
  else lines2.push("", "Try /help for the kinds of questions the article can answer.");
  const menu = didYouMeanMenu(picks, opts.article);
  return message({
    embeds: [{ title: questionTitle(answer.question), description: lines2.join("\n"), color: COLOURS.miss }],
    ...menu ? { components: [menu] } : {},
    ephemeral: opts.ephemeral
  });
}
function didYouMean(suggestions) {
  const picks = suggestions.map(oneLine).filter((s) => s.length > 0 && s.length <= LIMITS.choiceValue);
  return [...new Set(picks)].slice(0, DID_YOU_MEAN_COUNT);
}
function didYouMeanMenu(questions, article) {
  const custom_id = didYouMeanId(article);
  if (!custom_id || questions.length === 0) return void 0;
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id,
        placeholder: "Ask one of these instead",
        options: questions.map((q) => ({ label: truncate(q, LIMITS.choiceName), value: q }))
      }
    ]
  };
}

export {
  KnowledgeError,
  knowledgeDirFromEnv,
  loadDefaultPack,
  loadArticleFile,
  RANKING,
  createLibrary,
  isPackDir,
  loadLibraryDir,
  loadLibraryFromEnv,
  singleEngineLibrary,
  neutraliseMentions,
  escapeText,
  plainText,
  oneLine,
  moreMatchesId,
  askButtonsFit,
  contextId,
  parseAskButton,
  DID_YOU_MEAN,
  parseDidYouMean,
  confidenceHint,
  highlight,
  sourceLine,
  MATCHES_PER_PAGE,
  CLOSEST_LEAD,
  passageBlock,
  answerReply
};
//# sourceMappingURL=chunk-NA2RNWX3.js.map
