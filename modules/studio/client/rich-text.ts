/**
 * The rich-text field of the studio's forms: turns each textarea[data-richtext] into an editable
 * area with a small toolbar. The textarea stays in the form (hidden) and carries the HTML, which
 * the server sanitises whatever arrives; without JavaScript the textarea itself is the editor.
 */
type Command = { label: { de: string; en: string }; text: string; run: () => void };

const lang = document.documentElement.lang === 'en' ? 'en' : 'de';
const exec = (command: string, value?: string) => document.execCommand(command, false, value);

function commands(): Command[] {
  return [
    { label: { de: 'Fett', en: 'Bold' }, text: 'B', run: () => exec('bold') },
    { label: { de: 'Kursiv', en: 'Italic' }, text: 'I', run: () => exec('italic') },
    { label: { de: 'Zwischenüberschrift', en: 'Subheading' }, text: 'H', run: () => exec('formatBlock', 'h3') },
    { label: { de: 'Absatz', en: 'Paragraph' }, text: '¶', run: () => exec('formatBlock', 'p') },
    { label: { de: 'Aufzählung', en: 'Bulleted list' }, text: '•', run: () => exec('insertUnorderedList') },
    { label: { de: 'Nummerierte Liste', en: 'Numbered list' }, text: '1.', run: () => exec('insertOrderedList') },
    {
      label: { de: 'Link einfügen', en: 'Insert link' },
      text: '🔗',
      run: () => {
        const url = window.prompt(lang === 'de' ? 'Webadresse (https://…)' : 'Web address (https://…)', 'https://');
        if (url && /^(https?:|mailto:|tel:)/i.test(url.trim())) exec('createLink', url.trim());
      },
    },
    { label: { de: 'Link entfernen', en: 'Remove link' }, text: '⛓', run: () => exec('unlink') },
  ];
}

function enhance(area: HTMLTextAreaElement): void {
  const label = document.querySelector<HTMLLabelElement>(`label[for="${area.id}"]`);
  const box = document.createElement('div');
  box.className = 'rich-text';
  const toolbar = document.createElement('div');
  toolbar.className = 'rich-text-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', lang === 'de' ? 'Textformat' : 'Text format');
  const editor = document.createElement('div');
  editor.className = 'rich-text-area';
  editor.contentEditable = 'true';
  editor.setAttribute('role', 'textbox');
  editor.setAttribute('aria-multiline', 'true');
  if (label) {
    label.id ||= `${area.id}-label`;
    editor.setAttribute('aria-labelledby', label.id);
    // The label now names the editable area; a click on it should land there, not in the hidden textarea.
    label.addEventListener('click', (e) => {
      e.preventDefault();
      editor.focus();
    });
  }
  for (const attr of ['aria-describedby', 'aria-invalid', 'aria-required'] as const) {
    const v = area.getAttribute(attr) ?? (attr === 'aria-required' && area.required ? 'true' : null);
    if (v) editor.setAttribute(attr, v);
  }
  editor.innerHTML = area.value;
  for (const c of commands()) {
    const button = document.createElement('button');
    button.type = 'button';
    // The symbol is shown, the word is the name (so voice control and screen readers agree).
    const symbol = document.createElement('span');
    symbol.setAttribute('aria-hidden', 'true');
    symbol.textContent = c.text;
    const name = document.createElement('span');
    name.className = 'visually-hidden';
    name.textContent = c.label[lang];
    button.append(symbol, name);
    button.title = c.label[lang];
    // Keep the selection in the editable area while the button is pressed.
    button.addEventListener('mousedown', (e) => e.preventDefault());
    button.addEventListener('click', () => {
      editor.focus();
      c.run();
      area.value = editor.innerHTML;
    });
    toolbar.append(button);
  }
  editor.addEventListener('input', () => (area.value = editor.innerHTML));
  area.hidden = true;
  box.append(toolbar, editor);
  area.after(box);
}

document.querySelectorAll<HTMLTextAreaElement>('textarea[data-richtext]').forEach(enhance);
