import { ProbotOctokit } from 'probot';
import type { StandIn } from '../support/github-standin/index.js';

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** An installation-token Octokit pointed at the stand-in, retries and throttling off. */
export function octokitFor(standIn: StandIn): InstanceType<typeof ProbotOctokit> {
  return new ProbotOctokit({
    auth: { token: 'ghs_standin' },
    baseUrl: standIn.url,
    retry: { enabled: false },
    throttle: { enabled: false },
    log: silent,
  });
}
