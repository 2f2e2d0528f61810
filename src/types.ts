// Broadsheet's data model: what the reflow produces, what the site, feeds, search and print read.

/** A block of a story's body, in reading order. */
export type BlockType = "paragraph" | "heading" | "caption";

export interface Block {
  type: BlockType;
  text: string;
}

export interface Story {
  /** Stable across rebuilds: derived from the title text, unique within its edition. */
  id: string;
  kicker?: string;
  title: string;
  subtitle?: string;
  /** The byline as printed (padding spaces collapsed). */
  byline?: string;
  /** Writers named in the byline, padding removed. */
  authors: string[];
  photographers?: string[];
  authorNote?: string;
  blocks: Block[];
}

/** What an editor writes in the sidecar `NAME.meta.yaml` beside a source page. */
export interface EditionMeta {
  publication: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  /** The page's name as printed, e.g. "第4版 · 机关建设". */
  page: string;
  /** Page number within the issue, for ordering pages of one date. */
  pageNumber?: number;
  /** Free-form editor's description of the page. */
  description?: string;
}

/** One source page, reflowed. Its JSON (`NAME.json`) is the reflow command's output. */
export interface Edition {
  /** Source file name, e.g. `000_0e00348c40e7e77d.txt`. */
  source: string;
  /** URL-safe, unique within the digest. */
  slug: string;
  meta: EditionMeta;
  stories: Story[];
  /** The page's credit lines, e.g. "（文字整理… 图片拍摄…）". */
  credits: string[];
}

/** A decision the reflow was not sure about, for `--explain` and editors. */
export interface Decision {
  pass: string;
  /** 1-based line in the source where the decision was taken. */
  line: number;
  /** 0..1: how sure the pass was. */
  confidence: number;
  message: string;
  /** The source text around the decision. */
  context: string;
}

// ---- the reflow pipeline's intermediate state ----

/**
 * Where a piece of text sits on the printed page, in points from the page's top left. Text
 * extracted without positions has none; a front end reading positioned text from the PDF fills it
 * and the same passes run (it may also give `size`, the font size, which tells titles apart).
 */
export interface Geometry {
  x: number;
  y: number;
  width: number;
  height: number;
  size?: number;
}

/** One non-blank line of a source page with the typographic facts the passes read. */
export interface Line {
  /** 1-based line number in the normalized source. */
  number: number;
  /** Trimmed text with runs of whitespace collapsed to one space. */
  text: string;
  /** The line began with whitespace: an indent that survived extraction. */
  indented: boolean;
  /** Printed width in ems: Han characters 1, Latin letters, digits and compressible punctuation ½. */
  width: number;
  /** Width without a final comma or stop, which may hang past the column: how full the line really is. */
  core: number;
  /** Characters spread apart by justification spaces (`不 断 拓 宽`): the line fills its column. */
  spread: boolean;
  /** A blank line came right before / after this one in the source. */
  blankBefore: boolean;
  blankAfter: boolean;
  /** Where the text had a wide gap (two spaces or more): offsets into `text` of the space kept there. */
  gaps: number[];
  geometry?: Geometry;
}

/**
 * A layout block: either a run of running-text lines of one column flow, or one display line
 * that stands apart from the text (titles, bylines, kickers, notes, credits, headings).
 */
export type LayoutBlock =
  | { kind: "flow"; lines: Line[]; /** local column width per line, in ems */ columnWidths: number[] }
  | { kind: "display"; lines: Line[]; shape: DisplayShape };

/** What a display line looks like on its own, before its neighbours are considered. */
export type DisplayShape = "byline" | "note" | "kicker" | "subtitle" | "headline" | "folio" | "jump" | "name";

/** Roles a unit of text can play on the page. */
export type Role =
  | "paragraph"
  | "heading"
  | "headline"
  | "caption"
  | "label"
  | "title"
  | "kicker"
  | "subtitle"
  | "byline"
  | "signature"
  | "authorNote"
  | "credit";

/** A paragraph or display line with the role the classifier gave it. */
export interface Unit {
  role: Role;
  text: string;
  /** Source lines it came from (first and last). */
  firstLine: number;
  lastLine: number;
  /** Typical column width of the flow it came from (0 for display lines). */
  columnWidth: number;
  /** Its first line kept an indent through extraction. */
  indented: boolean;
  /** Its lines' positions on the page, when the front end knows them. */
  geometry?: Geometry[];
}

/** A story's head as printed: kicker, title decks, subtitle, byline. */
export interface Head {
  kicker?: Unit;
  titles: Unit[];
  subtitle?: Unit;
  byline?: Unit;
}

/**
 * Heads printed together with nothing between them. `anchored`: a kicker, subtitle or byline
 * makes it a story's head for sure; an unanchored one-line head may also be a section heading.
 */
export interface Cluster {
  heads: Head[];
  anchored: boolean;
  /** Another reading of the same lines with fewer heads: two lines printed together as one two-line title. */
  merged?: Head[];
  /** The lines as printed, for the reading as section headings, when the titles' reading found a kicker or deck in them. */
  headings?: Head[];
}

/** The page in reading order: column text and the clusters of heads between it. */
export type PageItem = { kind: "unit"; unit: Unit } | { kind: "cluster"; cluster: Cluster };

/** How a cluster was read: its heads titles taking text after them (`before` heads take the text before), or one section heading. */
export type ClusterReading = { kind: "titles"; before: number; merged?: boolean } | { kind: "heading" };

/**
 * The page model's best reading: each cluster's reading, and for each unit item the story it
 * belongs to as [item index of its cluster, head index], or undefined when no head takes it.
 */
export interface Reading {
  clusters: Map<number, ClusterReading>;
  owners: ([cluster: number, head: number] | undefined)[];
}

/** The shared state the passes read and extend, like markdown-it's core state. */
export interface ReflowState {
  raw: string;
  text: string;
  lines: Line[];
  /** Blank lines carry meaning on this page (false when a blank follows nearly every line). */
  blankLinesMeaningful: boolean;
  blocks: LayoutBlock[];
  units: Unit[];
  items: PageItem[];
  reading: Reading;
  stories: Story[];
  credits: string[];
  decisions: Decision[];
}

export interface ReflowResult {
  stories: Story[];
  credits: string[];
  decisions: Decision[];
}
