import { sql } from 'kysely';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { requireConfigurer } from '../../core/auth/principal.ts';
import { notFound, validationError } from '../../core/errors.ts';
import { rubyTimestamp } from '../../lib/berlin-time.ts';
import { idArg } from '../../lib/list-args.ts';
import { type StaticContentRow, checkedStaticContent, resolveStaticContent } from './static-content-store.ts';

type FileResult = { id: number | null; name: string; content: unknown; version: string | null; dataType: string; createdAt: string | null; updatedAt: string | null };

function toFile(row: StaticContentRow, content: unknown): FileResult {
  return { id: row.id, name: row.name, content, version: row.version, dataType: row.data_type, createdAt: rubyTimestamp(row.created_at), updatedAt: rubyTimestamp(row.updated_at) };
}

const notFoundFile = (content: unknown, dataType: string): FileResult => ({ id: null, name: 'not found', content, version: null, dataType, createdAt: null, updatedAt: null });

export const staticContentResolvers = {
  Query: {
    publicHtmlFiles: async (_: unknown, _a: unknown, ctx: GraphQLContext) => {
      const rows = (await ctx.db.selectFrom('static_contents').selectAll().where('data_type', '=', 'html').orderBy(sql`lower(name)`).orderBy('version').execute()) as StaticContentRow[];
      return rows.map((r) => toFile(r, r.content));
    },
    publicHtmlFile: async (_: unknown, args: { name: string; version?: string }, ctx: GraphQLContext) => {
      const row = await resolveStaticContent(ctx.db, args.name, 'html', args.version);
      return row ? toFile(row, row.content) : notFoundFile('', 'html');
    },
    publicJsonFile: async (_: unknown, args: { name: string; version?: string }, ctx: GraphQLContext) => {
      const row = await resolveStaticContent(ctx.db, args.name, 'json', args.version);
      if (!row) return notFoundFile({}, 'json');
      // Legacy apps (no version sent) parse the string themselves.
      return toFile(row, args.version ? JSON.parse(row.content) : row.content);
    },
  },
  Mutation: {
    createOrUpdateStaticContent: async (_: unknown, args: any, ctx: GraphQLContext) => {
      requireConfigurer(ctx.principal);
      const id = args.id === undefined || args.id === null ? null : idArg(args.id);
      if (args.id !== undefined && args.id !== null && id === null) throw validationError('Invalid input: id must be a positive whole number.');
      let existing: StaticContentRow | undefined;
      if (id !== null) {
        existing = (await ctx.db.selectFrom('static_contents').selectAll().where('id', '=', id).executeTakeFirst()) as StaticContentRow | undefined;
        if (!existing) throw notFound(`Static content ${id} does not exist.`);
      }
      // Arguments left out of an update by id keep their stored value (the mainserver updates only
      // the attributes sent; its CMS sends no version), an explicit null clears the version.
      const values = checkedStaticContent({
        ...args,
        name: args.name ?? existing?.name,
        content: args.content === undefined ? existing?.content : args.content,
        version: args.version === undefined ? existing?.version : args.version,
      });
      const row = (await (existing
        ? ctx.db.updateTable('static_contents').set({ ...values, updated_at: new Date() }).where('id', '=', existing.id)
        : ctx.db
            .insertInto('static_contents')
            .values(values)
            .onConflict((oc) => oc.expression(sql`tenant_id, lower(name), coalesce(version, '')` as any).doUpdateSet({ content: values.content, data_type: values.data_type, updated_at: new Date() }))
      )
        .returningAll()
        .executeTakeFirstOrThrow()) as StaticContentRow;
      return toFile(row, row.content);
    },
  },
};
