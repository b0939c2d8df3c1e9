'use strict';
// A validator for the LSP meta-model's type system (metaModel.json): structures (with
// extends and mixins), enumerations, type aliases, and the or / and / array / map / tuple /
// literal / string-, integer- and boolean-literal / base types. Structures are closed:
// a property the model does not define is reported, so that misspelt fields are caught.

const fs = require('node:fs');

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const UINT_MAX = 2147483647;

class MetaModel {
  constructor(file) {
    const model = JSON.parse(fs.readFileSync(file, 'utf8'));
    this.version = model.metaData.version;
    this.structures = new Map(model.structures.map((s) => [s.name, s]));
    this.enumerations = new Map(model.enumerations.map((e) => [e.name, e]));
    this.aliases = new Map(model.typeAliases.map((a) => [a.name, a]));
    this.requests = new Map(model.requests.map((r) => [r.method, r]));
    this.notifications = new Map(model.notifications.map((n) => [n.method, n]));
    this.propertyCache = new Map();
  }

  /** All properties of a structure, with those of its bases and mixins. */
  properties(name) {
    if (this.propertyCache.has(name)) return this.propertyCache.get(name);
    const structure = this.structures.get(name);
    const out = new Map();
    for (const base of [...(structure.extends || []), ...(structure.mixins || [])]) {
      if (base.kind !== 'reference') continue;
      for (const [key, value] of this.properties(base.name)) out.set(key, value);
    }
    for (const property of structure.properties) out.set(property.name, property);
    this.propertyCache.set(name, out);
    return out;
  }

  /** Errors (strings) for `value` against a meta-model type; empty when it conforms. */
  check(type, value, path = '$') {
    switch (type.kind) {
      case 'base':
        return this.checkBase(type.name, value, path);
      case 'reference':
        return this.checkReference(type.name, value, path);
      case 'array':
        if (!Array.isArray(value)) return [`${path}: expected an array`];
        return value.flatMap((item, i) => this.check(type.element, item, `${path}[${i}]`));
      case 'map': {
        if (!isObject(value)) return [`${path}: expected an object (map)`];
        return Object.entries(value).flatMap(([key, item]) => [
          ...this.check(type.key, key, `${path}{key ${key}}`),
          ...this.check(type.value, item, `${path}.${key}`),
        ]);
      }
      case 'and':
        return type.items.flatMap((item) => this.checkOpen(item, value, path));
      case 'or': {
        const failures = [];
        for (const item of type.items) {
          const errors = this.check(item, value, path);
          if (errors.length === 0) return [];
          failures.push(errors);
        }
        // Report the alternative that came closest.
        failures.sort((a, b) => a.length - b.length);
        return [`${path}: matches none of ${type.items.length} alternatives; closest: ${failures[0].join('; ')}`];
      }
      case 'tuple':
        if (!Array.isArray(value) || value.length !== type.items.length)
          return [`${path}: expected a tuple of ${type.items.length}`];
        return type.items.flatMap((item, i) => this.check(item, value[i], `${path}[${i}]`));
      case 'literal':
        return this.checkProperties(new Map(type.value.properties.map((p) => [p.name, p])), value, path, true);
      case 'stringLiteral':
        return value === type.value ? [] : [`${path}: expected "${type.value}"`];
      case 'integerLiteral':
        return value === type.value ? [] : [`${path}: expected ${type.value}`];
      case 'booleanLiteral':
        return value === type.value ? [] : [`${path}: expected ${type.value}`];
      default:
        return [`${path}: unknown type kind ${type.kind}`];
    }
  }

  /** Like check, but a structure may carry properties another part of an `and` defines. */
  checkOpen(type, value, path) {
    if (type.kind === 'reference' && this.structures.has(type.name))
      return this.checkProperties(this.properties(type.name), value, path, false);
    if (type.kind === 'literal')
      return this.checkProperties(new Map(type.value.properties.map((p) => [p.name, p])), value, path, false);
    return this.check(type, value, path);
  }

  checkBase(name, value, path) {
    const fail = (what) => [`${path}: expected ${what}, got ${JSON.stringify(value)}`];
    switch (name) {
      case 'string':
      case 'URI':
      case 'DocumentUri':
        if (typeof value !== 'string') return fail(name);
        if (name !== 'string' && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(value)) return fail('a URI');
        return [];
      case 'RegExp':
        return typeof value === 'string' ? [] : fail('a regular expression string');
      case 'integer':
        return Number.isInteger(value) && value >= INT_MIN && value <= INT_MAX ? [] : fail('an integer');
      case 'uinteger':
        return Number.isInteger(value) && value >= 0 && value <= UINT_MAX ? [] : fail('a uinteger');
      case 'decimal':
        return typeof value === 'number' && Number.isFinite(value) ? [] : fail('a number');
      case 'boolean':
        return typeof value === 'boolean' ? [] : fail('a boolean');
      case 'null':
        return value === null ? [] : fail('null');
      default:
        return [`${path}: unknown base type ${name}`];
    }
  }

  checkReference(name, value, path) {
    if (this.structures.has(name)) return this.checkProperties(this.properties(name), value, `${path}<${name}>`, true);
    if (this.aliases.has(name)) return this.check(this.aliases.get(name).type, value, path);
    if (this.enumerations.has(name)) {
      const enumeration = this.enumerations.get(name);
      const base = this.checkBase(enumeration.type.name, value, path);
      if (base.length) return base;
      if (enumeration.supportsCustomValues) return [];
      return enumeration.values.some((v) => v.value === value)
        ? []
        : [`${path}: ${JSON.stringify(value)} is not a ${name}`];
    }
    return [`${path}: unknown type ${name}`];
  }

  checkProperties(properties, value, path, closed) {
    if (!isObject(value)) return [`${path}: expected an object, got ${JSON.stringify(value)}`];
    const errors = [];
    for (const [key, property] of properties) {
      if (!(key in value)) {
        if (!property.optional) errors.push(`${path}: missing required property "${key}"`);
        continue;
      }
      errors.push(...this.check(property.type, value[key], `${path}.${key}`));
    }
    if (closed)
      for (const key of Object.keys(value))
        if (!properties.has(key)) errors.push(`${path}: unknown property "${key}"`);
    return errors;
  }

  /** Errors for the result of a request the client sent. */
  checkResult(method, result) {
    const request = this.requests.get(method);
    if (!request) return [`no request ${method} in the meta-model`];
    if (!request.result) return result === null || result === undefined ? [] : [`${method}: expected no result`];
    return this.check(request.result, result === undefined ? null : result, `${method}.result`);
  }

  /** Errors for the params of a notification or request the server sent. */
  checkServerMessage(method, params, isRequest) {
    const entry = (isRequest ? this.requests : this.notifications).get(method);
    if (!entry) return [`no ${isRequest ? 'request' : 'notification'} ${method} in the meta-model`];
    if (entry.messageDirection === 'clientToServer')
      return [`${method} may only be sent by the client`];
    if (!entry.params) return params === undefined || params === null ? [] : [`${method}: expected no params`];
    return this.check(entry.params, params, `${method}.params`);
  }
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

module.exports = { MetaModel };
