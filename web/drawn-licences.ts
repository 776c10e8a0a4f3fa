// The licences of the drawn models only, asked for in requests of a few hundred ids (/api/licenses?ids=...) and kept
// per family, so that colouring a capped view of a family of 150,000 reads what it draws, not the whole answer.

import type { LicencesResponse } from "../src/server/wire-types.js";

type LicenceModel = LicencesResponse["models"][number];
type LicenceFinding = LicencesResponse["findings"][number];

/** What colouring and lighting the drawn models need: their entries and their findings. */
export type DrawnLicenceAnswer = Pick<LicencesResponse, "models" | "findings">;

/** The server's limit on the ids of one request. */
export const IDS_PER_REQUEST = 500;
/** The ids' share of a request's URL, in characters once encoded: well under what servers accept in a request line. */
export const ID_CHARACTERS_PER_REQUEST = 6000;

/** The ids in groups of at most `maxIds`, each group's comma-joined, encoded text at most `maxCharacters` long. */
export function idGroups(ids: readonly string[], maxIds: number, maxCharacters: number): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  let characters = 0;
  for (const id of ids) {
    const length = encodeURIComponent(id).length + 3;
    if (group.length > 0 && (group.length === maxIds || characters + length > maxCharacters)) {
      groups.push(group);
      group = [];
      characters = 0;
    }
    group.push(id);
    characters += length;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/** The licences of a family's drawn models, each asked for once however often the drawing changes. */
export class DrawnLicences {
  private readonly asked = new Map<string, Promise<void>>();
  private readonly entries = new Map<string, LicenceModel>();
  private readonly findingsOf = new Map<string, LicenceFinding[]>();

  constructor(private readonly read: (ids: string[]) => Promise<DrawnLicenceAnswer>) {}

  /** The entries and findings of those of `ids` that belong to the family (the others are left out), in order. */
  async of(ids: readonly string[]): Promise<DrawnLicenceAnswer> {
    const missing = ids.filter((id) => !this.asked.has(id));
    for (const group of idGroups(missing, IDS_PER_REQUEST, ID_CHARACTERS_PER_REQUEST)) {
      const reading = this.read(group).then((answer) => {
        for (const model of answer.models) this.entries.set(model.id, model);
        for (const finding of answer.findings) {
          const list = this.findingsOf.get(finding.id);
          if (list === undefined) this.findingsOf.set(finding.id, [finding]);
          else list.push(finding);
        }
      });
      // A failed read is asked again next time.
      reading.catch(() => group.forEach((id) => this.asked.delete(id)));
      for (const id of group) this.asked.set(id, reading);
    }
    await Promise.all(new Set(ids.map((id) => this.asked.get(id))));
    const models: LicenceModel[] = [];
    const findings: LicenceFinding[] = [];
    for (const id of new Set(ids)) {
      const model = this.entries.get(id);
      if (model === undefined) continue;
      models.push(model);
      findings.push(...(this.findingsOf.get(id) ?? []));
    }
    return { models, findings };
  }
}
