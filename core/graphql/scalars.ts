import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

function literalToJs(node: ValueNode, variables?: Record<string, unknown> | null): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((v) => literalToJs(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literalToJs(f.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[node.name.value];
    default:
      return undefined;
  }
}

/** Any JSON value, as graphql-ruby's JSON scalar. */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: literalToJs,
});

/** JSON by convention shaped as a language map, e.g. {"de": "…", "en": "…"}. */
export const I18nJSONScalar = new GraphQLScalarType({
  name: 'I18nJSON',
  description: 'A map from language code to text, e.g. {"de": "…", "en": "…"}.',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: literalToJs,
});

function primitive(v: unknown): string | number | boolean {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw new GraphQLError('AnyPrimitive accepts a string, number or boolean.');
}

/** Input accepting a String, Boolean, Int or Float (coordinates, media sizes). */
export const AnyPrimitiveScalar = new GraphQLScalarType({
  name: 'AnyPrimitive',
  description: 'A string, number or boolean.',
  serialize: (v) => v,
  parseValue: primitive,
  parseLiteral: (node) => {
    if (node.kind === Kind.STRING || node.kind === Kind.BOOLEAN) return node.value;
    if (node.kind === Kind.INT || node.kind === Kind.FLOAT) return Number(node.value);
    throw new GraphQLError('AnyPrimitive accepts a string, number or boolean.');
  },
});

export const coreTypeDefs = /* GraphQL */ `
  scalar JSON
  scalar I18nJSON
  scalar AnyPrimitive
`;

export const coreScalarResolvers = { JSON: JSONScalar, I18nJSON: I18nJSONScalar, AnyPrimitive: AnyPrimitiveScalar };
