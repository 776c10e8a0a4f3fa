// The Hub's legacy org-less models and their current names: in 2024 the Hub moved its un-namespaced models into
// orgs (`gpt2` → `openai-community/gpt2`) and redirects the old names. Both names are one model: the current one.

/** Current id by org, each with the legacy names the Hub moved into it (the name itself is kept). */
const MOVED_INTO: Readonly<Record<string, readonly string[]>> = {
  "openai-community": [
    "gpt2",
    "gpt2-medium",
    "gpt2-large",
    "gpt2-xl",
    "openai-gpt",
    "roberta-base-openai-detector",
    "roberta-large-openai-detector",
  ],
  distilbert: [
    "distilgpt2",
    "distilroberta-base",
    "distilbert-base-uncased",
    "distilbert-base-cased",
    "distilbert-base-uncased-distilled-squad",
    "distilbert-base-cased-distilled-squad",
    "distilbert-base-multilingual-cased",
    "distilbert-base-german-cased",
    "distilbert-base-uncased-finetuned-sst-2-english",
  ],
  "google-bert": [
    "bert-base-uncased",
    "bert-large-uncased",
    "bert-base-cased",
    "bert-large-cased",
    "bert-base-multilingual-uncased",
    "bert-base-multilingual-cased",
    "bert-base-chinese",
    "bert-base-german-cased",
    "bert-base-german-dbmdz-cased",
    "bert-base-german-dbmdz-uncased",
    "bert-large-uncased-whole-word-masking",
    "bert-large-cased-whole-word-masking",
    "bert-large-uncased-whole-word-masking-finetuned-squad",
    "bert-large-cased-whole-word-masking-finetuned-squad",
    "bert-base-cased-finetuned-mrpc",
  ],
  "google-t5": ["t5-small", "t5-base", "t5-large", "t5-3b", "t5-11b"],
  FacebookAI: [
    "roberta-base",
    "roberta-large",
    "roberta-large-mnli",
    "xlm-roberta-base",
    "xlm-roberta-large",
    "xlm-roberta-large-finetuned-conll02-dutch",
    "xlm-roberta-large-finetuned-conll02-spanish",
    "xlm-roberta-large-finetuned-conll03-english",
    "xlm-roberta-large-finetuned-conll03-german",
    "xlm-mlm-en-2048",
    "xlm-mlm-ende-1024",
    "xlm-mlm-enfr-1024",
    "xlm-mlm-enro-1024",
    "xlm-mlm-xnli15-1024",
    "xlm-mlm-tlm-xnli15-1024",
    "xlm-mlm-17-1280",
    "xlm-mlm-100-1280",
    "xlm-clm-enfr-1024",
    "xlm-clm-ende-1024",
  ],
  albert: [
    "albert-base-v1",
    "albert-large-v1",
    "albert-xlarge-v1",
    "albert-xxlarge-v1",
    "albert-base-v2",
    "albert-large-v2",
    "albert-xlarge-v2",
    "albert-xxlarge-v2",
  ],
  xlnet: ["xlnet-base-cased", "xlnet-large-cased"],
  "transfo-xl": ["transfo-xl-wt103"],
  Salesforce: ["ctrl"],
  almanach: ["camembert-base"],
};

const CURRENT_BY_LEGACY: ReadonlyMap<string, string> = new Map(
  Object.entries(MOVED_INTO).flatMap(([org, names]) => names.map((name) => [name.toLowerCase(), `${org}/${name}`])),
);

/** The current id of a legacy org-less id (any case), or null when the Hub never had such a model. */
export function currentIdOfLegacy(name: string): string | null {
  return CURRENT_BY_LEGACY.get(name.toLowerCase()) ?? null;
}

/** Every legacy id with its current id, for documentation and tests. */
export function legacyIdTable(): [legacy: string, current: string][] {
  return [...CURRENT_BY_LEGACY.values()].map((current) => [current.slice(current.indexOf("/") + 1), current]);
}
