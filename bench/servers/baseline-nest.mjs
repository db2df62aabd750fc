// Reference: bare Nest 12 on Fastify (no guards, interceptors, logging or metrics) sending the
// same prepared bytes, so the cost of our own request pipeline shows apart from the framework's.
// Usage: node baseline-nest.mjs <port> <bodies.json>   (paths without query strings)
// Plain JavaScript has no decorator syntax here, so the decorators are applied as functions.
import 'reflect-metadata';
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { Controller, Get, Header, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';

const [port, bodiesFile] = process.argv.slice(2);
const bodies = Object.entries(JSON.parse(readFileSync(bodiesFile, 'utf8')));

class BytesController {}
const routes = [['/health', Buffer.from('{}')], ...bodies.map(([path, b64]) => [path, Buffer.from(b64, 'base64')])];
routes.forEach(([path, body], i) => {
  const key = `route${i}`;
  BytesController.prototype[key] = () => body;
  const descriptor = Object.getOwnPropertyDescriptor(BytesController.prototype, key);
  Header('content-type', 'application/json; charset=utf-8')(BytesController.prototype, key, descriptor);
  Get(path)(BytesController.prototype, key, descriptor);
});
Controller()(BytesController);
class AppModule {}
Module({ controllers: [BytesController] })(AppModule);

const app = await NestFactory.create(AppModule, new FastifyAdapter(), { logger: false });
await app.listen(Number(port), '127.0.0.1');
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
