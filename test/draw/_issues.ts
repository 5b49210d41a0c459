// The refusal of a (possibly async) call as comparable data: every issue's path, rule and both messages, or "no error".
import { expect } from "vitest";
import { ShuangsuijiError } from "../../src/index.js";

export type Issue = [readonly (string | number)[], string, string, string];
export const issuesOf = async (f: () => unknown): Promise<Issue[] | "no error"> => {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(ShuangsuijiError);
    return (e as ShuangsuijiError).issues.map((i) => [i.path, i.rule, i.messageEn, i.messageZh]);
  }
  return "no error";
};
