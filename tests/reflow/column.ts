// A 14-em column of justified text and the views of a page the block and paragraph tests read.
import { runPasses } from "../../src/reflow/index.ts";

export const blocksOf = (raw: string) => runPasses(raw, "blocks").blocks;
export const unitsOf = (raw: string) => runPasses(raw, "paragraphs").units;
export const display = (raw: string) => blocksOf(raw).flatMap((block) => (block.kind === "display" ? [`${block.shape}:${block.lines.map((line) => line.text).join("")}`] : []));

/** A column of justified text, 14 ems wide: full lines, a first line two ems short, a short last line. */
export const COLUMN = [
  "强化政治引领，广泛凝聚思想", // first line: 13 chars, 12.5 ems
  "共识。民革宁夏区委会始终高度",
  "重视思想政治工作，紧紧围绕新时",
  "代的要求，在各级组织和广大成员",
  "中深入开展主题教育和学习教育。",
  "加强自身建设，努力提升协商",
  "实效。多年来，自治区政协为各民",
  "主党派区委会建立了工作机制。",
  "注重沟通交流，认真履行工",
  "作职责。人民政协设立民主党派",
  "副秘书长，是一项重要安排。",
];
