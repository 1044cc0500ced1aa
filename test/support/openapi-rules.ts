import { DATE_TIME_WITH_OFFSET } from '#libs/http';

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  example?: unknown;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  additionalProperties?: Schema | boolean;
};
type Content = Record<string, { schema?: Schema; example?: unknown }>;
interface Operation {
  parameters?: { name: string; in: string; example?: unknown; schema?: Schema }[];
  requestBody?: { content?: Content };
  responses?: Record<string, { content?: Content }>;
  security?: unknown[];
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes?: Record<string, unknown> };
}

const PROBLEM = 'application/problem+json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/**
 * What the API's document fails to say, one line each: a success answer without a schema (or, when
 * it is not JSON, without an example), a body without one, a property or parameter without an
 * example, a date-time example without an offset, an error answer that is not problem details, an
 * undocumented 400 or 401, an operation that does not say whether it needs a token (`security`), or
 * one that needs a scheme the document does not define.
 */
export function openApiProblems(document: OpenApiDocument): string[] {
  const problems: string[] = [];
  const schemas = document.components.schemas;
  const checked = new Set<string>();
  const nested = (schema: Schema) => [schema.items, ...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];

  const checkExample = (where: string, schema: Schema, example: unknown) => {
    if (example === undefined) problems.push(`${where} has no example`);
    else if (schema.format === 'date-time' && example !== null && (typeof example !== 'string' || !DATE_TIME_WITH_OFFSET.test(example))) {
      problems.push(`${where}'s example ${typeof example === 'string' ? example : JSON.stringify(example)} is not a date and time with an offset`);
    }
  };
  const isReference = (schema: Schema): boolean => !!schema.$ref || nested(schema).some((inner) => inner && isReference(inner));

  const visit = (schema: Schema | undefined, where: string) => {
    if (!schema) return;
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      if (checked.has(name)) return;
      checked.add(name);
      if (!schemas[name]) problems.push(`${where} refers to ${name}, which the document does not define`);
      else visit(schemas[name], name);
      return;
    }
    for (const inner of nested(schema)) visit(inner, where);
    for (const [property, inner] of Object.entries(schema.properties ?? {})) {
      // A property that is another schema (or a list of them) is exemplified by that schema's own properties.
      if (isReference(inner)) visit(inner, `${where}.${property}`);
      else checkExample(`${where}.${property}`, inner, inner.example);
    }
  };

  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations).filter(([key]) => METHODS.includes(key))) {
      const name = `${method.toUpperCase()} ${path}`;
      const responses = operation.responses ?? {};
      const successes = Object.keys(responses).filter((status) => /^2\d\d$/.test(status));
      if (successes.length === 0) problems.push(`${name} documents no success answer`);
      for (const status of successes.filter((status) => status !== '204')) {
        const content = responses[status]!.content ?? {};
        if (Object.keys(content).length === 0) problems.push(`${name} answers ${status} without a schema`);
        for (const [type, { schema, example }] of Object.entries(content)) {
          if (!schema) problems.push(`${name} answers ${status} ${type} without a schema`);
          // JSON is described field by field; a file (a calendar) as a whole, with an example of one.
          else if (type === 'application/json') visit(schema, `${name} ${status}`);
          else if (schema.example === undefined && example === undefined) problems.push(`${name} answers ${status} ${type} without an example`);
        }
      }
      for (const [status, response] of Object.entries(responses).filter(([status]) => /^4\d\d$/.test(status))) {
        const content = response.content ?? {};
        if (Object.keys(content).join() !== PROBLEM || content[PROBLEM]!.schema?.$ref !== '#/components/schemas/ProblemDetails') {
          problems.push(`${name} answers ${status} with something other than problem details`);
        }
      }
      if (operation.requestBody) {
        const schema = operation.requestBody.content?.['application/json']?.schema;
        if (!schema) problems.push(`${name} takes a body without a schema`);
        visit(schema, `${name} body`);
      }
      for (const parameter of operation.parameters ?? []) {
        checkExample(`${name} ${parameter.in} parameter ${parameter.name}`, parameter.schema ?? {}, parameter.example ?? parameter.schema?.example);
      }
      const takesInput = (operation.parameters ?? []).length > 0 || !!operation.requestBody;
      if (takesInput && !responses['400']) problems.push(`${name} takes input but documents no 400`);
      if ((operation.security ?? []).length > 0 && !responses['401']) problems.push(`${name} needs a token but documents no 401`);
      if (!operation.security) problems.push(`${name} does not say whether it needs a token`);
      for (const scheme of (operation.security ?? []).flatMap((requirement) => Object.keys(requirement as object))) {
        if (!document.components.securitySchemes?.[scheme]) problems.push(`${name} needs the ${scheme} scheme, which the document does not define`);
      }
    }
  }
  if (!schemas.ProblemDetails) problems.push('the document defines no ProblemDetails schema');
  else visit({ $ref: '#/components/schemas/ProblemDetails' }, 'ProblemDetails');
  return problems;
}

/** Whether the document says an operation needs a token: `security: []` (or an empty requirement) says it does not. */
function needsToken(operation: Operation): boolean {
  const requirements = (operation.security ?? []) as object[];
  return requirements.length > 0 && requirements.every((requirement) => Object.keys(requirement).length > 0);
}

/** Every operation of the document, as `METHOD /path` with the path as the document writes it. */
export function operationsOf(document: OpenApiDocument): { name: string; method: string; path: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, method, path, operation })),
  );
}

/**
 * Where the document's word on tokens differs from what the API does: `anonymous` holds the status
 * each operation answered when called without one. A public operation that claims a token, or a
 * signed-in one documented as public, is a line each.
 */
export function accessProblems(document: OpenApiDocument, anonymous: Record<string, number>): string[] {
  return operationsOf(document).flatMap(({ name, operation }) => {
    const status = anonymous[name];
    if (status === undefined) return [`${name} was not called without a token`];
    if (needsToken(operation) && status !== 401) return [`${name} claims a token but answers ${status} without one`];
    if (!needsToken(operation) && status === 401) return [`${name} is documented as public but answers 401 without a token`];
    return [];
  });
}

/** The date-time values in `value`, found by walking it alongside its schema. */
export function dateTimesIn(document: OpenApiDocument, schema: Schema | undefined, value: unknown): string[] {
  if (!schema || value === null || value === undefined) return [];
  if (schema.$ref) return dateTimesIn(document, document.components.schemas[schema.$ref.replace('#/components/schemas/', '')], value);
  if (schema.format === 'date-time') return [typeof value === 'string' ? value : JSON.stringify(value)];
  if (Array.isArray(value)) return value.flatMap((item) => dateTimesIn(document, schema.items, item));
  const parts = [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  if (parts.length > 0) return parts.flatMap((part) => dateTimesIn(document, part, value));
  if (typeof value !== 'object') return [];
  return Object.entries(schema.properties ?? {}).flatMap(([property, inner]) => dateTimesIn(document, inner, (value as Record<string, unknown>)[property]));
}

/** The schema of an operation's success answer, by method and the path as the document writes it. */
export function successSchemaOf(document: OpenApiDocument, method: string, path: string): Schema | undefined {
  const responses = document.paths[path]?.[method]?.responses ?? {};
  const status = Object.keys(responses).find((code) => /^2\d\d$/.test(code));
  return status ? responses[status]!.content?.['application/json']?.schema : undefined;
}
