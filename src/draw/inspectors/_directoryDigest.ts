// A department's directory digest (docs/spec-v1.md §9.4: SHA-256 of the canonical JSON of its inspector directory, in
// id order, as used) without the generic canonical walk. The generic digest (`canonicalDigest`) lists each row's member
// names, sorts them and looks up its shape — an array of names and a lookup per row, 5 × 300 rows on every draw. The
// common row — exactly `id`, `name`, `departmentId`, `category`, `expertise`, plain texts ({@link isPlainInspector}) —
// has one canonical form, `{"category":…,"departmentId":…,"expertise":[…],"id":…,"name":…}`, written here straight into
// a hashed byte stream; a directory with any other row is digested generically, as before. Same bytes either way
// (property test: test/draw/stage2Directory.test.ts).
import { canonicalDigest } from "../_shared/_canonicalDigest.js";
import type { Inspector } from "../../model/inspector.js";
import { isPlainInspector } from "./_plainInspector.js";
import { RecordText } from "./_recordText.js";

/** `canonicalDigest(directory)`: SHA-256 (64 lower-case hex digits) of the directory's canonical JSON. */
export function directoryDigest(directory: readonly Inspector[]): string {
  for (let k = 0; k < directory.length; k++) if (!isPlainInspector(directory[k])) return canonicalDigest(directory);
  const out = new RecordText("hash", 1 << 13);
  out.byte(0x5b); // [
  for (let k = 0; k < directory.length; k++) {
    const row = directory[k] as Inspector;
    out.text(k === 0 ? '{"category":' : ',{"category":');
    out.jsonString(row.category);
    out.text(',"departmentId":');
    out.jsonString(row.departmentId);
    out.text(',"expertise":[');
    const tags = row.expertise;
    for (let i = 0; i < tags.length; i++) {
      if (i > 0) out.byte(0x2c);
      out.jsonString(tags[i] as string);
    }
    out.text('],"id":');
    out.jsonString(row.id);
    out.text(',"name":');
    out.jsonString(row.name);
    out.byte(0x7d); // }
  }
  out.byte(0x5d); // ]
  return out.digest();
}
