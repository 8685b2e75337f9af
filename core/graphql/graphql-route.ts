import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, GraphQLError, Kind, execute, parse, validate } from 'graphql';
import { z } from 'zod';
import { badRequest } from '../errors.ts';
import { visibilityOf } from '../auth/principal.ts';
import type { RequestScope } from '../http/request-scope.ts';
import type { GraphQLContext } from './context.ts';
import { checkComplexity } from './complexity.ts';
import { formatGraphQLError } from './format-error.ts';
import type { ResponseCache } from './response-cache.ts';

const RequestSchema = z.object({
  query: z.string({ error: 'A GraphQL request needs a "query" string.' }).min(1, 'The "query" is empty.').max(200_000),
  variables: z
    .union([z.record(z.string(), z.unknown()), z.string(), z.null()])
    .optional()
    .transform((v, ctx) => {
      if (typeof v !== 'string') return v ?? {};
      if (v.trim() === '') return {};
      try {
        const parsed = JSON.parse(v);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
      } catch {
        /* reported below */
      }
      ctx.addIssue({ code: 'custom', message: '"variables" must be a JSON object.' });
      return z.NEVER;
    }),
  operationName: z.string().nullish(),
});

type Prepared = { document: DocumentNode; errors?: undefined } | { errors: readonly GraphQLError[]; document?: undefined };

/** Parsed and validated documents by query text: the app sends the same few queries all day. */
class DocumentCache {
  private map = new Map<string, Prepared>();
  constructor(private readonly schema: GraphQLSchema, private readonly max = 500) {}
  get(query: string): Prepared {
    let p = this.map.get(query);
    if (p) return p;
    try {
      const document = parse(query, { maxTokens: 20_000 });
      const errors = validate(this.schema, document);
      p = errors.length ? { errors } : { document };
    } catch (err) {
      p = { errors: [err instanceof GraphQLError ? err : new GraphQLError(String(err))] };
    }
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value!);
    this.map.set(query, p);
    return p;
  }
}

function selectOperation(doc: DocumentNode, name: string | null | undefined): OperationDefinitionNode {
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = name ? ops.find((o) => o.name?.value === name) : ops.length === 1 ? ops[0] : undefined;
  if (!op) throw badRequest(name ? `The document has no operation named "${name}".` : 'The document has several operations; send "operationName".');
  return op;
}

export type GraphQLRouteDeps = {
  schema: GraphQLSchema;
  cache: ResponseCache;
  scopeOf: (req: FastifyRequest) => Promise<RequestScope>;
  contextFor: (scope: RequestScope) => GraphQLContext;
};

/** POST (and GET for queries) /graphql, with the published-content response cache in front. */
export function registerGraphQLRoute(app: FastifyInstance, deps: GraphQLRouteDeps): void {
  const documents = new DocumentCache(deps.schema);

  const handle = async (req: FastifyRequest, reply: FastifyReply, input: unknown, method: 'GET' | 'POST') => {
    const parsed = RequestSchema.safeParse(input ?? {});
    if (!parsed.success) throw badRequest(parsed.error.issues[0].message);
    const { query, variables, operationName } = parsed.data;
    const scope = await deps.scopeOf(req);
    const visibility = visibilityOf(scope.principal);
    const cacheable = !visibility.all && visibility.ownDataProviderId === null;
    const tenantId = scope.tenant.id;
    const cacheKey = cacheable ? `${scope.origin}\u0000${operationName ?? ''}\u0000${query}\u0000${JSON.stringify(variables)}` : '';
    if (cacheable) {
      const body = deps.cache.get(tenantId, cacheKey);
      if (body !== undefined) return reply.header('x-cache', 'hit').type('application/json; charset=utf-8').send(body);
    }
    const generation = deps.cache.generation(tenantId);

    const prepared = documents.get(query);
    if (prepared.errors) return reply.send({ errors: prepared.errors.map((e) => formatGraphQLError(e, req.log)) });
    const op = selectOperation(prepared.document, operationName);
    if (method === 'GET' && op.operation !== 'query') {
      return reply.code(405).header('allow', 'POST').send({ errors: [{ message: 'Mutations must be sent with POST.', extensions: { code: 'BAD_REQUEST' } }] });
    }
    checkComplexity(deps.schema, prepared.document, op, variables as Record<string, unknown>);

    const result = await execute({
      schema: deps.schema,
      document: prepared.document,
      operationName: op.name?.value,
      variableValues: variables,
      contextValue: deps.contextFor(scope),
    });
    const body = JSON.stringify({
      ...(result.errors ? { errors: result.errors.map((e) => formatGraphQLError(e, req.log)) } : {}),
      data: result.data ?? null,
    });
    if (cacheable && op.operation === 'query' && !result.errors) deps.cache.set(tenantId, cacheKey, body, generation);
    return reply.header('x-cache', 'miss').type('application/json; charset=utf-8').send(body);
  };

  app.post('/graphql', (req, reply) => handle(req, reply, req.body, 'POST'));
  app.get('/graphql', (req, reply) => handle(req, reply, req.query, 'GET'));
}
