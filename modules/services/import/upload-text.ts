import { AppError, badRequest } from '../../../core/errors.ts';

export type FileFormat = 'json' | 'xml';

/** The largest export file an import reads (a district's full export is a few MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / 1024 / 1024;

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const SNIFF_BYTES = 8192;

/**
 * The text of an uploaded export and whether it is JSON or XML, decided by its content (a
 * ".txt" download of a JSON export is still JSON; a PDF named ".xml" is refused). Errors name
 * the problem in German: 413 too large, 415 neither JSON nor XML, 400 empty or badly encoded.
 */
export function readUploadText(fileName: string, bytes: Uint8Array): { format: FileFormat; text: string } {
  if (bytes.length > MAX_IMPORT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `Die Datei ist zu groß: höchstens ${MAX_IMPORT_MB} MB sind erlaubt.`);
  const utf16 = utf16Encoding(bytes);
  if (utf16) return notHtml(fileName, classify(fileName, new TextDecoder(utf16).decode(bytes)));

  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start < bytes.length && WHITESPACE.has(bytes[start]!)) start++;
  if (start === bytes.length) throw badRequest(`Die Datei „${fileName}“ ist leer.`);
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) throw notJsonOrXml(fileName);
  const first = bytes[start];
  if (first !== 0x3c /* < */ && first !== 0x7b /* { */ && first !== 0x5b /* [ */) throw notJsonOrXml(fileName);

  const format: FileFormat = first === 0x3c ? 'xml' : 'json';
  const encoding = format === 'xml' ? declaredEncoding(bytes.subarray(start, start + 200)) : 'utf-8';
  if (encoding !== 'utf-8' && encoding !== 'latin1') throw badRequest(`Die Zeichenkodierung „${encoding}“ der Datei wird nicht unterstützt; bitte als UTF-8 speichern.`);
  let text: string;
  try {
    // latin1 is decoded as windows-1252, its superset (as browsers do).
    text = new TextDecoder(encoding === 'latin1' ? 'windows-1252' : 'utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    throw badRequest(`Die Datei „${fileName}“ ist nicht in UTF-8 kodiert. Bitte speichern Sie sie als UTF-8 (oder geben Sie in der XML-Deklaration die richtige Kodierung an).`);
  }
  return notHtml(fileName, { format, text });
}

function classify(fileName: string, decoded: string): { format: FileFormat; text: string } {
  const text = decoded.replace(/^\uFEFF/, '').trimStart();
  if (!text) throw badRequest(`Die Datei „${fileName}“ ist leer.`);
  if (text.startsWith('<')) return { format: 'xml', text };
  if (text.startsWith('{') || text.startsWith('[')) return { format: 'json', text };
  throw notJsonOrXml(fileName);
}

/** A saved web page starts with "<" too; it is no export (and its DOCTYPE would be refused as if it were a DTD). */
function notHtml(fileName: string, read: { format: FileFormat; text: string }) {
  if (read.format === 'xml' && /^<(!doctype\s+html|html)[\s>]/i.test(read.text)) throw notJsonOrXml(fileName);
  return read;
}

const notJsonOrXml = (fileName: string) =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', `Die Datei „${fileName}“ ist weder JSON noch XML – geprüft wird der Inhalt, nicht der Dateiname. Erwartet wird ein Dorfplatz-JSON-Export oder ein XZuFi-XML-Export.`);

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The encoding an XML declaration names (`<?xml version="1.0" encoding="ISO-8859-1"?>`), normalised. */
function declaredEncoding(head: Uint8Array): 'utf-8' | 'latin1' | string {
  const declaration = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(new TextDecoder('latin1').decode(head));
  const name = declaration?.[1]?.toLowerCase();
  if (!name || name === 'utf-8' || name === 'utf8') return 'utf-8';
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'windows-1252', 'cp1252', 'us-ascii', 'ascii'].includes(name)) return 'latin1';
  return name;
}
