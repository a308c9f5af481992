/**
 * Validating open data with ajv (JSON Schema draft-07): the Data Package descriptor against the
 * rules of the Frictionless Data Package and Table Schema specifications v1
 * (https://specs.frictionlessdata.io/data-package/, …/table-schema/) that a descriptor of tabular
 * resources must follow, and each row of a file against the JSON Schema its Table Schema implies.
 * Written here from the specifications' text, so the tests need nothing from outside the repository.
 */
import Ajv from 'ajv';

const NAME = '^[a-z0-9._-]+$';
const FIELD_TYPES = [
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'date',
  'time',
  'datetime',
  'year',
  'yearmonth',
  'duration',
  'geopoint',
  'geojson',
  'any',
];

const tableSchemaSchema = {
  type: 'object',
  required: ['fields'],
  properties: {
    fields: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 1 },
          type: { enum: FIELD_TYPES },
          format: { type: 'string' },
          title: { type: 'string' },
          description: { type: 'string' },
          constraints: {
            type: 'object',
            properties: { required: { type: 'boolean' }, enum: { type: 'array', minItems: 1 } },
          },
        },
      },
    },
    missingValues: { type: 'array', items: { type: 'string' } },
    primaryKey: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] },
    foreignKeys: {
      type: 'array',
      items: {
        type: 'object',
        required: ['fields', 'reference'],
        properties: {
          fields: { type: 'array', items: { type: 'string' } },
          reference: {
            type: 'object',
            required: ['resource', 'fields'],
            properties: { resource: { type: 'string' }, fields: { type: 'array', items: { type: 'string' } } },
          },
        },
      },
    },
  },
};

export const DATA_PACKAGE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['resources'],
  properties: {
    profile: { type: 'string' },
    name: { type: 'string', pattern: NAME },
    title: { type: 'string' },
    description: { type: 'string' },
    homepage: { type: 'string', format: 'uri' },
    created: { type: 'string', format: 'date-time' },
    languages: { type: 'array', items: { type: 'string' } },
    contributors: { type: 'array', items: { type: 'object', required: ['title'] } },
    resources: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name', 'path'],
        properties: {
          name: { type: 'string', pattern: NAME },
          path: { type: 'string', pattern: '^(?!/)(?!.*\\.\\./)' },
          profile: { enum: ['data-resource', 'tabular-data-resource'] },
          format: { type: 'string' },
          mediatype: { type: 'string', pattern: '^(.+)/(.+)$' },
          encoding: { type: 'string' },
          dialect: {
            type: 'object',
            properties: {
              delimiter: { type: 'string', minLength: 1 },
              lineTerminator: { type: 'string' },
              quoteChar: { type: 'string' },
              doubleQuote: { type: 'boolean' },
              header: { type: 'boolean' },
            },
          },
          schema: tableSchemaSchema,
        },
        if: { properties: { profile: { const: 'tabular-data-resource' } }, required: ['profile'] },
        then: { required: ['schema'] },
      },
    },
  },
};

export function validator(schema: object) {
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(schema);
  return (value: unknown) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message}`));
}

interface TableField {
  name: string;
  type: string;
  constraints?: { required?: boolean; enum?: string[] };
}

/** The JSON Schema of one row (as JSON: integers are numbers) that a Table Schema implies. */
export function rowSchema(table: { fields: TableField[] }) {
  const property = (f: TableField) => {
    const base =
      f.type === 'integer'
        ? { type: 'integer' }
        : f.type === 'date'
          ? {
              type: 'string',
              pattern: f.constraints?.required ? '^\\d{4}-\\d{2}-\\d{2}$' : '^(\\d{4}-\\d{2}-\\d{2})?$',
            }
          : { type: 'string', ...(f.constraints?.required ? { minLength: 1 } : {}) };
    if (!f.constraints?.enum) return base;
    return f.constraints.required
      ? { ...base, enum: f.constraints.enum }
      : { ...base, enum: ['', ...f.constraints.enum] };
  };
  return {
    type: 'object',
    additionalProperties: false,
    required: table.fields.map((f) => f.name),
    properties: Object.fromEntries(table.fields.map((f) => [f.name, property(f)])),
  };
}

/** A CSV row (every value a string) cast by its Table Schema: integers become numbers. */
export function castRow(table: { fields: TableField[] }, row: Record<string, string>): Record<string, string | number> {
  return Object.fromEntries(
    table.fields.map((f) => [f.name, f.type === 'integer' && row[f.name] !== '' ? Number(row[f.name]) : row[f.name]!]),
  );
}
