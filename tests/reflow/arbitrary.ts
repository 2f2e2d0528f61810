// Random stories and layouts for property tests: Chinese-looking text with the furniture of a page.
import fc from "fast-check";
import type { Layout, PageStory } from "./typeset.ts";

const HAN = [..."的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"];

const hanRun = (min: number, max: number) => fc.array(fc.constantFrom(...HAN), { minLength: min, maxLength: max }).map((chars) => chars.join(""));

/** A clause, sometimes with digits or Latin letters inside, as news text has. */
const clause = fc.tuple(hanRun(2, 12), fc.option(fc.constantFrom("3", "2024年", "AB角", "TV", "80余次", "《规则》", "“一池春水”", "<b>", "&amp;", "'引'", "\"x\""), { nil: undefined }), hanRun(0, 8)).map(([a, extra, b]) => `${a}${extra ?? ""}${b}`);
const sentence = fc
  .tuple(fc.array(clause, { minLength: 1, maxLength: 4 }), fc.constantFrom("，", "、", "；"), fc.constantFrom("。", "。", "。", "！", "？", "。”"))
  .map(([clauses, comma, stop]) => clauses.join(comma) + stop);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((sentences) => sentences.join(""));

const byline = fc.oneof(
  hanRun(2, 3).map((name) => `□${name}`),
  fc.tuple(hanRun(4, 10), hanRun(2, 3)).map(([unit, name]) => `${unit}秘书长 ${name}`),
  fc.tuple(hanRun(2, 3), hanRun(2, 3), hanRun(2, 3)).map(([a, b, c]) => `□文/${a} ${b} 图/${c}`),
);

export const arbitraryStory: fc.Arbitrary<PageStory> = fc
  .record({
    kicker: fc.option(hanRun(6, 16).map((text) => `${text}——`), { nil: undefined }),
    title: fc.tuple(hanRun(4, 9), fc.option(hanRun(4, 9), { nil: undefined })).map(([a, b]) => (b ? `${a} ${b}` : a)),
    byline: fc.option(byline, { nil: undefined }),
    paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 8 }),
    heading: fc.option(fc.tuple(hanRun(4, 7), hanRun(4, 7)).map(([a, b]) => `${a}，${b}。`), { nil: undefined }),
    authorNote: fc.option(hanRun(6, 20).map((text) => `（作者系${text}）`), { nil: undefined }),
  })
  .map(({ paragraphs, heading, ...story }) => {
    const blocks = paragraphs.map((text) => ({ type: "paragraph" as const, text }));
    if (heading && blocks.length > 2) blocks.splice(1, 0, { type: "heading" as const, text: heading } as never);
    const clean: PageStory = { title: story.title, authors: [], blocks };
    if (story.kicker) clean.kicker = story.kicker;
    if (story.byline) clean.byline = story.byline;
    if (story.authorNote) clean.authorNote = story.authorNote;
    return clean;
  });

export const arbitraryLayout: fc.Arbitrary<Layout> = fc.record({
  columnWidth: fc.integer({ min: 9, max: 30 }),
  columnHeight: fc.integer({ min: 8, max: 60 }),
  doubleSpaced: fc.boolean(),
  headsAfterRuns: fc.integer({ min: 0, max: 3 }),
  displaceSections: fc.boolean(),
  spreadChance: fc.double({ min: 0, max: 0.2, noNaN: true }),
  tightParagraphChance: fc.double({ min: 0, max: 0.5, noNaN: true }),
  widthJitter: fc.double({ min: 0, max: 1, noNaN: true }),
  longLineChance: fc.double({ min: 0, max: 0.3, noNaN: true }),
});

/** A page: random stories and credits in a random layout, with the seed its typesetting draws on. */
export const arbitraryPage = fc.record({
  stories: fc.array(arbitraryStory, { minLength: 1, maxLength: 6 }),
  credits: fc.array(hanRun(4, 10).map((text) => `（${text}）`), { maxLength: 1 }),
  layout: arbitraryLayout,
  seed: fc.integer(),
});
