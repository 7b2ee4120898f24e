// The floor for bench/serve/bench.mjs: a trivial Fastify route that parses the same JSON body and
// answers a constant, in its own process, so the load generator measures HTTP + JSON cost alone.
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 8 * 1024 * 1024 });
app.post('/echo', async (req) => ({ predictions: [{ prediction: 'good', rows: Array.isArray(req.body?.rows) ? req.body.rows.length : 0 }] }));
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(JSON.stringify({ url }) + '\n');
