// Reads the declarations of `declare module "godot"` back from godot.d.ts, with the TypeScript
// compiler's parser, so that checks can compare what the file declares with what a dump lists.

import ts from "typescript";

export interface DeclaredParameter {
  readonly name: string;
  readonly optional: boolean;
  readonly rest: boolean;
  /** The type as written, whitespace collapsed. */
  readonly type: string;
}

export interface DeclaredSignature {
  readonly parameters: readonly DeclaredParameter[];
  readonly returnType: string;
}

export interface DeclaredProperty {
  readonly type: string;
  readonly readonly: boolean;
}

/** A class, or an interface with its constructor object (`const X: { new (...): X }`). */
export interface DeclaredType {
  readonly constructors: DeclaredSignature[];
  /** Instance members, then static ones; methods may have several overloads. */
  readonly methods: Map<string, DeclaredSignature[]>;
  readonly staticMethods: Map<string, DeclaredSignature[]>;
  readonly properties: Map<string, DeclaredProperty>;
  readonly staticProperties: Map<string, DeclaredProperty>;
}

export interface GodotModule {
  readonly types: ReadonlyMap<string, DeclaredType>;
  /** `export type X = ...`: name -> the aliased type as written. */
  readonly aliases: ReadonlyMap<string, string>;
  /** Enums in namespaces (`namespace Vector2 { enum Axis }`): "Vector2.Axis" -> value name -> number. */
  readonly enums: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export function readGodotModule(path: string, text: string): GodotModule {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const body = source.statements.find(
    (statement): statement is ts.ModuleDeclaration =>
      ts.isModuleDeclaration(statement) && statement.name.text === "godot",
  )?.body;
  if (body === undefined || !ts.isModuleBlock(body))
    throw new Error(`${path}: no declare module "godot" { ... }`);
  const types = new Map<string, DeclaredType>();
  const aliases = new Map<string, string>();
  const enums = new Map<string, ReadonlyMap<string, number>>();
  const typeNamed = (name: string): DeclaredType => {
    const known = types.get(name);
    if (known !== undefined) return known;
    const created: DeclaredType = {
      constructors: [],
      methods: new Map(),
      staticMethods: new Map(),
      properties: new Map(),
      staticProperties: new Map(),
    };
    types.set(name, created);
    return created;
  };
  for (const statement of body.statements) {
    if (ts.isClassDeclaration(statement) && statement.name !== undefined) {
      readMembers(statement.members, typeNamed(statement.name.text));
    } else if (ts.isInterfaceDeclaration(statement)) {
      readMembers(statement.members, typeNamed(statement.name.text));
    } else if (
      ts.isModuleDeclaration(statement) &&
      statement.body !== undefined &&
      ts.isModuleBlock(statement.body)
    ) {
      for (const inner of statement.body.statements) {
        if (ts.isEnumDeclaration(inner))
          enums.set(`${statement.name.text}.${inner.name.text}`, enumValues(inner));
      }
    } else if (ts.isTypeAliasDeclaration(statement)) {
      aliases.set(statement.name.text, typeText(statement.type));
    } else if (ts.isVariableStatement(statement)) {
      for (const variable of statement.declarationList.declarations) {
        if (
          ts.isIdentifier(variable.name) &&
          variable.type !== undefined &&
          ts.isTypeLiteralNode(variable.type)
        ) {
          readConstructorObject(variable.type, typeNamed(variable.name.text));
        }
      }
    }
  }
  return { types, aliases, enums };
}

/** Values written as (negative) numeric literals, as the generator writes them; NaN for others. */
function enumValues(declaration: ts.EnumDeclaration): Map<string, number> {
  return new Map(
    declaration.members.map((member) => [
      member.name.getText(),
      member.initializer === undefined ? NaN : Number(member.initializer.getText()),
    ]),
  );
}

function readMembers(members: ts.NodeArray<ts.ClassElement | ts.TypeElement>, into: DeclaredType): void {
  for (const member of members) {
    const isStatic = ts.canHaveModifiers(member) && hasModifier(member, ts.SyntaxKind.StaticKeyword);
    if (ts.isConstructorDeclaration(member)) {
      into.constructors.push(signatureOf(member));
    } else if (
      (ts.isMethodDeclaration(member) || ts.isMethodSignature(member)) &&
      member.name !== undefined
    ) {
      const methods = isStatic ? into.staticMethods : into.methods;
      const name = member.name.getText();
      methods.set(name, [...(methods.get(name) ?? []), signatureOf(member)]);
    } else if (
      (ts.isPropertyDeclaration(member) || ts.isPropertySignature(member)) &&
      member.type !== undefined
    ) {
      const readonly =
        member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ReadonlyKeyword) ?? false;
      (isStatic ? into.staticProperties : into.properties).set(member.name.getText(), {
        type: typeText(member.type),
        readonly,
      });
    }
  }
}

/** `{ new (...): X; readonly prototype: X }`: the construct signatures are X's constructors. */
function readConstructorObject(literal: ts.TypeLiteralNode, into: DeclaredType): void {
  for (const member of literal.members) {
    if (ts.isConstructSignatureDeclaration(member)) into.constructors.push(signatureOf(member));
  }
}

function hasModifier(node: ts.HasModifiers, kind: ts.SyntaxKind): boolean {
  return ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false;
}

function signatureOf(declaration: ts.SignatureDeclarationBase): DeclaredSignature {
  return {
    parameters: declaration.parameters.map((parameter) => ({
      name: parameter.name.getText(),
      optional: parameter.questionToken !== undefined,
      rest: parameter.dotDotDotToken !== undefined,
      type: parameter.type === undefined ? "any" : typeText(parameter.type),
    })),
    returnType: declaration.type === undefined ? "any" : typeText(declaration.type),
  };
}

function typeText(node: ts.TypeNode): string {
  return node.getText().replace(/\s+/g, " ");
}
