// A news page (a saved .html file, or rich text pasted from a browser) to the
// article's plain text: @mozilla/readability finds the article and its
// metadata; its title, byline and publication date become the first lines,
// and the date the reference date (dct). What Readability leaves of a site's
// furniture ("Advertisement", "Related: …" links, "4 min read", a navigation
// line such as "Home | World | Business") is dropped line by line.
//
// The HTML is parsed by DOMParser into an inert document: nothing in it
// loads, runs or applies.

import { Readability } from './vendor/readability.js';
import { htmlToText } from './paste.js';

/** Lines that are a site's furniture, never the article's words. */
const FURNITURE = [
  /^(advertisement|advertisements|sponsored|sponsored content|ad|story continues below( advertisement)?|continue reading( the main story)?|skip (to|this) (content|ad|advertisement))$/i,
  /^(related|read more|more on this( story)?|see also|recommended|most read|trending|watch|listen|also read)\s*[:|–—-]/i,
  /^(related|read more|more on this story|see also|recommended|most read|related stories|related articles|related coverage)$/i,
  /^(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)[ -]min(ute)?s?( read| listen)?$/i,
  /^(share|share this( article| story)?|share on \w+|copy link|print|email|comments?|\d+ comments?|sign up|subscribe( now)?|log ?in|sign in|follow us|image:?|photo:?|caption:?|getty images|reuters|ap photo)$/i,
  /^(share|follow) (on|via) (facebook|twitter|x|linkedin|whatsapp|email)( [|·•] ?\w+)*$/i,
];

/** A navigation bar copied as text: three or more short items between separators. */
function isNavigation(line) {
  const items = line.split(/\s*[|·•›»]\s*|\s{3,}/).filter(Boolean);
  if (items.length < 3) return false;
  return items.every((item) => item.length <= 24 && item.split(/\s+/).length <= 3 && !/[.!?"“”]$/.test(item));
}

export function isFurniture(line) {
  const t = line.trim();
  if (!t) return false;
  return FURNITURE.some((re) => re.test(t)) || isNavigation(t);
}

/** Drops furniture lines; paragraphs left empty disappear with them. */
export function dropFurniture(text) {
  return text
    .split(/\n{2,}/)
    .map((p) => p.split('\n').filter((line) => !isFurniture(line)).join('\n'))
    .filter((p) => p.trim())
    .join('\n\n');
}

/** YYYY-MM-DD of an ISO-like date in page metadata, or null. */
export function metadataDate(value) {
  if (!value) return null;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) return null;
  return new Date(parsed).toISOString().slice(0, 10);
}

function metaContent(doc, names) {
  for (const name of names) {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const v = el && el.getAttribute('content');
    if (v && v.trim()) return v.trim();
  }
  const time = doc.querySelector('article time[datetime], time[datetime][pubdate], time[datetime]');
  return time ? time.getAttribute('datetime') : null;
}

const DATE_META = ['article:published_time', 'og:article:published_time', 'datePublished', 'date', 'pubdate', 'dc.date', 'DC.date.issued'];

/**
 * Extracts the article from a whole page or a fragment of one:
 * `{ text, title, byline, dct, extracted }`. `extracted` is false when
 * Readability found no article and the page's text was taken as it is
 * (still without its furniture).
 */
export function extractArticle(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const published = metaContent(doc, DATE_META);
  let article = null;
  try {
    // Readability changes the document it reads; it gets its own copy.
    const copy = doc.cloneNode(true);
    article = new Readability(copy, { charThreshold: 200, keepClasses: false }).parse();
  } catch {
    article = null;
  }
  const bodyText = (htmlToText(doc.body ? doc.body.innerHTML : html) || '').trim();
  let body = article && article.content ? htmlToText(article.content).trim() : '';
  const extracted = Boolean(body) && body.length >= Math.min(200, bodyText.length * 0.3);
  if (!extracted) body = bodyText;
  body = dropFurniture(body);

  const title = clean(article && article.title) || clean(doc.title);
  const byline = clean(article && article.byline);
  const dct = metadataDate((article && article.publishedTime) || published);
  const head = [];
  const firstLines = body.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 4);
  // The article's own heading, when it kept one, is its title; without an
  // article found, the page's own headings are already in the text.
  const h1 = doc.querySelector('h1');
  const hasHeading = Boolean(h1 && clean(h1.textContent) && firstLines.includes(clean(h1.textContent)));
  if (extracted && !hasHeading && title && !firstLines.includes(title)) head.push(title);
  if (extracted && byline && !firstLines.includes(byline) && !isFurniture(byline)) head.push(byline);
  if (dct) head.push(`Published ${longDate(dct)}`);
  const text = head.length ? `${head.join('\n')}\n\n${body}` : body;
  return { text, title, byline, dct, extracted };
}

function clean(s) {
  return s ? s.replace(/\s+/g, ' ').trim() : '';
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function longDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}
