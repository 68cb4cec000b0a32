/** The process's name, customer and goal for a new map: from the flags, or asked in a terminal. */
import { createInterface } from 'node:readline/promises';
import { type ProcessInfo } from '../load/index.js';
import { UsageError } from '../core/index.js';

const QUESTIONS: Record<keyof ProcessInfo, string> = {
  name: 'What is the process called, as the customer would say it? ',
  customer: 'Whose experience is it (the customer)? ',
  goal: "What is the customer's goal? ",
};

export async function processInfo(flags: Partial<ProcessInfo>): Promise<ProcessInfo> {
  const missing = (Object.keys(QUESTIONS) as (keyof ProcessInfo)[]).filter((k) => !flags[k]?.trim());
  const given = {
    name: flags.name?.trim() ?? '',
    customer: flags.customer?.trim() ?? '',
    goal: flags.goal?.trim() ?? '',
  };
  if (missing.length === 0) return given;
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError(
      `give ${missing.map((k) => `--${k}`).join(', ')} (or run in a terminal to be asked): for example --name "Open an account" --customer "New customer" --goal "Use the account the same day"`,
    );
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answers = { ...given };
    for (const key of missing) {
      let answer = '';
      while (!answer) answer = (await rl.question(QUESTIONS[key])).trim();
      answers[key] = answer;
    }
    return answers;
  } finally {
    rl.close();
  }
}
