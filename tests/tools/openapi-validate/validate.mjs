// Validates OpenAPI 3.0 / Swagger 2.0 files (JSON or YAML) with @apidevtools/swagger-parser:
// the document against the specification's JSON Schema, every $ref resolved, and for Swagger 2.0
// the rules the schema cannot express (path parameters, duplicate operation ids...).
//
// A CloudFormation or SAM template is recognised by its "Resources" and each REST API's
// definition in it (AWS::ApiGateway::RestApi Body, AWS::Serverless::Api DefinitionBody) is
// validated instead.
//
// Usage: node validate.mjs FILE...   Prints one line per file; exit 1 when any is invalid.
import { readFile } from "node:fs/promises";
import SwaggerParser from "@apidevtools/swagger-parser";
import yaml from "js-yaml";

function documentsIn(file, text) {
  const parsed = /^\s*[{[]/.test(text) ? JSON.parse(text) : yaml.load(text);
  if (!parsed || typeof parsed !== "object" || !parsed.Resources) {
    return [{ name: file, api: parsed }];
  }
  const bodies = [];
  for (const [id, resource] of Object.entries(parsed.Resources)) {
    const props = resource.Properties || {};
    if (resource.Type === "AWS::ApiGateway::RestApi" && props.Body) {
      bodies.push({ name: `${file} (${id} Body)`, api: props.Body });
    } else if (resource.Type === "AWS::Serverless::Api" && props.DefinitionBody) {
      bodies.push({ name: `${file} (${id} DefinitionBody)`, api: props.DefinitionBody });
    }
  }
  if (bodies.length === 0) {
    throw new Error("a template without any REST API definition body");
  }
  return bodies;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate.mjs FILE...");
  process.exit(2);
}
let invalid = 0;
for (const file of files) {
  let documents;
  try {
    documents = documentsIn(file, await readFile(file, "utf8"));
  } catch (error) {
    console.log(`INVALID ${file}: ${error.message}`);
    invalid++;
    continue;
  }
  for (const { name, api } of documents) {
    try {
      // validate() dereferences in place: give it a copy so the next check sees the original.
      await SwaggerParser.validate(structuredClone(api));
      console.log(`valid ${name}`);
    } catch (error) {
      console.log(`INVALID ${name}: ${error.message}`);
      invalid++;
    }
  }
}
process.exit(invalid > 0 ? 1 : 0);
