// Long answers wrap at their field's width (issue 15 part 2). Seen: a 58-word answer stayed on one
// line that scrolled sideways, even on a desktop (KIND allows 80 words). Now each row of a
// multi-line field ends at the field's edge, and what is stored is exactly what was typed: no line
// break the person did not type.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite } from '../../scripts/serve-site.mjs';
import { launch, openApp, screenshot } from './harness.mjs';
import { click, findItem, testSiteDir, settle, scrollTo } from './ui.mjs';
import { dragIntoView } from './touch.mjs';

let server; let url;
before(async () => { server = await serveSite(testSiteDir, 0); url = `http://127.0.0.1:${server.address().port}/`; });
after(() => new Promise((r) => server.close(r)));

// 58 words, with names in other scripts, as a mentee would write them.
const ANSWER = 'We want to publish the results of our volunteer survey from Łódź, Kraków and 北京 as a two-page ' +
  'summary that community groups can read in ten minutes, the three main findings ' +
  'in plain words, and a short note on how Ана Петрова and Zoë collected the answers, so that the council can ' +
  'act on them by next March';

async function value(page, name) {
  return page.getByRole('textbox', { name, exact: true }).inputValue();
}

for (const [where, options] of [['a desktop', { viewport: { width: 1280, height: 1000 } }], ['a phone', { phone: true }]]) {
  test(`a long answer wraps at the field's edge on ${where} and is stored as typed`, async () => {
    assert.equal(ANSWER.split(' ').length, 58);
    const { context } = await launch(options);
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url.replace(/\/$/, '') });
      const { page, problems } = await openApp(context, url);
      await click(page, 'KIND mentoring');
      await click(page, 'Apply as a mentor or mentee');
      await click(page, 'a mentee');
      if (options.phone) await dragIntoView(page, await context.newCDPSession(page), 'What are you trying to do?');
      else await scrollTo(page, 'What are you trying to do?');
      // Into the field as a person there would: a finger's tap on a phone, a click on a desktop.
      const box = await findItem(page, 'What are you trying to do?');
      if (options.phone) await page.touchscreen.tap(box.x + box.w / 2, box.y + box.h / 2);
      else await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
      await settle(page);
      // A phone's keyboard commits whole words through its input method; a desktop types keys.
      if (options.phone) await page.keyboard.insertText(ANSWER);
      else await page.keyboard.type(ANSWER, { delay: 2 });
      await settle(page);
      assert.equal(await value(page, 'What are you trying to do?'), ANSWER, 'stored exactly as typed, no break added');
      await screenshot(page, `wrapping-${options.phone ? 'phone' : 'desktop'}`);
      // End goes to the end of the row the caret is on. Wrapped, the first row ends long before the
      // answer does; on one long line it would be the answer's end.
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('End');
      await page.keyboard.type('§');
      await settle(page);
      const marked = await value(page, 'What are you trying to do?');
      const at = marked.indexOf('§');
      assert.equal(marked.replace('§', ''), ANSWER, 'one character added, nothing else changed');
      assert.ok(at > 10 && at < ANSWER.length / 2, `the first row ends inside the answer (at ${at} of ${ANSWER.length})`);
      // Backspace at the start of a row deletes the character before it, as in any editor.
      await page.keyboard.press('Backspace');
      await settle(page);
      assert.equal(await value(page, 'What are you trying to do?'), ANSWER);
      // Copied, the answer is the answer: none of the breaks wrapping shows in it.
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Control+C');
      await settle(page);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), ANSWER, 'the copy holds no added line break');
      const field = await findItem(page, 'What are you trying to do?');
      assert.ok(field.w <= (options.phone ? 390 : 1280), 'the field itself fits the window');
      assert.deepEqual(problems.filter((p) => !/GL Driver/.test(p)), []);
    } finally { await context.close(); }
  });
}
