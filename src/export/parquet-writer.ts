// Streams nodes.parquet and edges.parquet with hyparquet-writer: rows gathered into row groups of 20,000, each
// encoded (snappy) and handed to the sink before the next is read, so memory holds one row group at most.

import { ByteWriter, ParquetWriter, schemaFromColumnData, type ColumnSource } from "hyparquet-writer";
import {
  EDGE_ATTRIBUTES,
  NODE_ATTRIBUTES,
  type AttributeSpec,
  type AttributeType,
  type AttributeValue,
} from "./attribute-table.js";
import type { ExportEdge, ExportRows } from "./export-rows.js";
import { writeChunk, type ExportSink } from "./text-output.js";

const ROW_GROUP = 20_000;
const PARQUET_TYPES = {
  string: "STRING",
  long: "INT64",
  integer: "INT32",
  boolean: "BOOLEAN",
} as const satisfies Record<AttributeType, string>;

type ParquetValue = AttributeValue | bigint;

interface Column<Row> {
  name: string;
  type: AttributeType;
  nullable: boolean;
  value(row: Row): AttributeValue;
}

function columnsOf<Row>(keyColumns: Column<Row>[], specs: readonly AttributeSpec<Row>[]): Column<Row>[] {
  return [...keyColumns, ...specs.map((spec) => ({ ...spec, nullable: spec.type !== "boolean" }))];
}

/** A hyparquet Writer whose flush hands the bytes so far to the sink and starts its buffer over. */
function sinkWriter(sink: ExportSink): ByteWriter & { flush(): Promise<void> } {
  const writer = new ByteWriter(1 << 20) as ByteWriter & { flush(): Promise<void> };
  const drain = async () => {
    if (writer.index === 0) return;
    const bytes = new Uint8Array(writer.buffer.slice(0, writer.index));
    writer.index = 0;
    await writeChunk(sink, bytes);
  };
  writer.flush = drain;
  writer.finish = drain;
  return writer;
}

async function writeTable<Row>(
  rowsOf: () => AsyncIterable<Row> | Iterable<Row>,
  columns: Column<Row>[],
  sink: ExportSink,
): Promise<void> {
  const schema = schemaFromColumnData({
    columnData: columns.map((column) => ({
      name: column.name,
      data: [],
      type: PARQUET_TYPES[column.type],
      nullable: column.nullable,
    })),
  });
  const parquet = new ParquetWriter({ writer: sinkWriter(sink), schema, createdBy: "hf-lineage" });
  let buffers: ParquetValue[][] = columns.map(() => []);
  const writeGroup = async () => {
    const columnData: ColumnSource[] = columns.map((column, i) => ({
      name: column.name,
      data: buffers[i] as ParquetValue[],
    }));
    buffers = columns.map(() => []);
    await parquet.write({ columnData, rowGroupSize: ROW_GROUP });
  };
  let count = 0;
  for await (const row of rowsOf()) {
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i] as Column<Row>;
      const value = column.value(row);
      // INT64 columns take bigint values.
      (buffers[i] as ParquetValue[]).push(column.type === "long" && typeof value === "number" ? BigInt(value) : value);
    }
    if (++count % ROW_GROUP === 0) await writeGroup();
  }
  if (count % ROW_GROUP !== 0 || count === 0) await writeGroup();
  await parquet.finish();
}

/** nodes.parquet: `id` then every node attribute (downloads, likes INT64; generation, descendants INT32). */
export function writeNodesParquet(rows: ExportRows, sink: ExportSink): Promise<void> {
  return writeTable(
    () => rows.nodes(),
    columnsOf([{ name: "id", type: "string", nullable: false, value: (node) => node.id }], NODE_ATTRIBUTES),
    sink,
  );
}

/** edges.parquet: `parent, child, relation, source`. */
export function writeEdgesParquet(rows: ExportRows, sink: ExportSink): Promise<void> {
  const keys: Column<ExportEdge>[] = [
    { name: "parent", type: "string", nullable: false, value: (edge) => edge.parent },
    { name: "child", type: "string", nullable: false, value: (edge) => edge.child },
  ];
  return writeTable(() => rows.edges(), columnsOf(keys, EDGE_ATTRIBUTES), sink);
}
