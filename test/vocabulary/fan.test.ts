// The two names of a fan written by hand: the expand name the URL carries, the node key the server draws, and the
// parser that reads the expand name back (the viewer and the server both use it).

import { describe, expect, it } from "vitest";
import { fanName, fanNodeKey, parseFanName } from "../../src/vocabulary/fan.js";

describe("fan names", () => {
  it("writes the expand name and the node key from one parent and relation", () => {
    expect(fanName("TheBloke/Llama-2-7B", "quantized")).toBe("TheBloke/Llama-2-7B:quantized");
    expect(fanNodeKey("TheBloke/Llama-2-7B", "quantized")).toBe("fan:TheBloke/Llama-2-7B:quantized");
    expect(fanNodeKey("gpt2", "adapter")).toBe("fan:gpt2:adapter");
  });

  it("reads an expand name back into its parts, and nothing else", () => {
    expect(parseFanName(fanName("org/model", "merge"))).toEqual({ parent: "org/model", relation: "merge" });
    expect(parseFanName(":adapter")).toBeNull();
    expect(parseFanName("fan")).toBeNull();
    expect(parseFanName("org/model:Adapter")).toBeNull();
  });
});
