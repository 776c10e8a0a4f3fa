// XML escaping by hand-worked examples: markup characters become entities, whitespace controls character
// references, forbidden controls Control Pictures (and back), and what cannot come back becomes U+FFFD.
import { describe, expect, it } from "vitest";
import { escapeXml, restoreXmlText } from "../../src/export/xml-text.js";

describe("escapeXml and restoreXmlText", () => {
  it("escapes the five markup cases and keeps tab, LF, CR as character references", () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe(`a &amp; b &lt; c &gt; d &quot;e&quot; 'f'`);
    expect(escapeXml("x\ty\nz\r")).toBe("x&#9;y&#10;z&#13;");
    expect(escapeXml("Qwen/Qwen2.5-7B")).toBe("Qwen/Qwen2.5-7B");
    expect(escapeXml("千问 🦙 Ελληνικά")).toBe("千问 🦙 Ελληνικά");
  });

  it("maps the controls XML 1.0 forbids to Control Pictures, and restores them", () => {
    // U+0000 → U+2400 "␀", U+0001 → U+2401 "␁", U+001B → U+241B "␛", U+001F → U+241F "␟".
    expect(escapeXml("a\u0000b\u0001c\u001Bd\u001F")).toBe("a\u2400b\u2401c\u241Bd\u241F");
    expect(restoreXmlText("a\u2400b\u2401c\u241Bd\u241F")).toBe("a\u0000b\u0001c\u001Bd\u001F");
    const every = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join("");
    // What a parser hands back for the escaped text: the references resolved, the pictures kept.
    const parsed = escapeXml(every).replace("&#9;", "\t").replace("&#10;", "\n").replace("&#13;", "\r");
    expect(restoreXmlText(parsed)).toBe(every);
  });

  it("leaves tab, LF and CR pictures alone (those controls are written as references, never as pictures)", () => {
    expect(restoreXmlText("\u2409\u240A\u240D")).toBe("\u2409\u240A\u240D");
  });

  it("replaces non-characters and unpaired surrogates with U+FFFD, keeping paired ones", () => {
    expect(escapeXml("a\uFFFEb\uFFFFc")).toBe("a\uFFFDb\uFFFDc");
    expect(escapeXml("lone \uD800 and \uDC00")).toBe("lone \uFFFD and \uFFFD");
    expect(escapeXml("pair \uD83E\uDD99")).toBe("pair \uD83E\uDD99");
  });
});
