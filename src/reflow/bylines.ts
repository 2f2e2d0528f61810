// Who wrote and who photographed a story, read off its byline as printed.
import { isHan } from "./text.ts";

export interface Credits {
  authors: string[];
  photographers: string[];
}

/** Posts that name writers: 记者 (reporter), 通讯员 (correspondent), 实习生, 编辑, 作者. */
const WRITER_POST = /^(?:本报|特约|见习)*(?:记者|通讯员|实习生|编辑|作者)/u;
/** A credit with a slash or colon: `文/`, `图/`, `摄影：`, or two at once: `文/图 `. */
const SLASHED_CREDIT = /^((?:文|图|摄影|摄)(?:[/／](?:文|图|摄影|摄))+(?=$|[/／:：])|(?:文|图|摄影|摄|记者|作者)(?=\s*[/／:：]))\s*[/／:：]?\s*/u;

/** Names in a run of tokens: single characters padded apart (`徐 勇`) belong to one name. */
export function namesIn(text: string): string[] {
  const tokens = text.split(/[\s、，,；;]+/u).filter(Boolean);
  const names: string[] = [];
  let padded = "";
  for (const token of tokens) {
    if ([...token].length === 1 && isHan(token)) {
      padded += token;
      continue;
    }
    if (padded) names.push(padded);
    padded = "";
    names.push(token);
  }
  if (padded) names.push(padded);
  return names;
}

function isNameLike(token: string): boolean {
  const chars = [...token];
  return chars.length <= 4 && chars.every(isHan);
}

/**
 * Read a byline token by token: credits (`文/`, `图/`, `记者`) say whose names follow; a job
 * title before the names (`石嘴山市政协秘书长 李小宏`) is skipped; `摄` after names makes them
 * photographers.
 */
export function parseByline(byline: string): Credits {
  const credits: Credits = { authors: [], photographers: [] };
  let roles: (keyof Credits)[] = ["authors"];
  let run: string[] = []; // name tokens since the last credit
  const flush = () => {
    for (const name of namesIn(run.join(" "))) for (const role of roles) credits[role].push(name);
    run = [];
  };
  const tokens = byline.replace(/^[□■◎\s]+/u, "").trim().split(/\s+/u);
  tokens.forEach((token, index) => {
    const slashed = SLASHED_CREDIT.exec(token);
    if (slashed) {
      flush();
      const spec = slashed[1]!;
      roles = [...(/文|记者|作者/u.test(spec) ? ["authors" as const] : []), ...(/图|摄/u.test(spec) ? ["photographers" as const] : [])];
      token = token.slice(slashed[0].length);
    } else if (WRITER_POST.test(token)) {
      flush();
      roles = ["authors"];
      token = token.replace(WRITER_POST, "");
    } else if (token === "摄" || token === "摄影") {
      roles = ["photographers"];
      flush();
      return;
    }
    if (!token) return;
    // a job title before the names is not a name; nor is anything after the names but `摄`
    const beforeNames = run.length === 0 && credits.authors.length + credits.photographers.length === 0;
    if (!isNameLike(token) && beforeNames && index < tokens.length - 1) return;
    run.push(token);
  });
  flush();
  return credits;
}
