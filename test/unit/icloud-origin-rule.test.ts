// The Origin rule of iCloud's web session: icloud.com's Origin and Referer, set only on requests
// from no tab whose initiator is the extension itself, to the account's own domains.
import { describe, expect, it } from 'vitest';
import { icloudOriginRule, icloudRequestDomains } from '../../src/background/icloud-origin-condition';

describe('the iCloud Origin rule', () => {
  it('covers the web services and the download hosts of the account’s region, or a reproduction’s own host', () => {
    expect(icloudRequestDomains('https://setup.icloud.com/')).toEqual(['icloud.com', 'icloud-content.com']);
    expect(icloudRequestDomains('https://setup.icloud.com.cn/')).toEqual(['icloud.com.cn', 'icloud-content.com.cn']);
    expect(icloudRequestDomains('http://127.0.0.1:41234')).toEqual(['127.0.0.1']);
    // A look-alike is not iCloud.
    expect(icloudRequestDomains('https://setup.noticloud.com/')).toEqual(['setup.noticloud.com']);
  });

  it('sets icloud.com’s Origin and Referer on the extension’s own requests from no tab, nothing else', () => {
    const rule = icloudOriginRule(['icloud.com', 'icloud-content.com'], 'abcdefghijklmnop');
    expect(rule.action).toEqual({
      type: 'modifyHeaders',
      requestHeaders: [
        { header: 'origin', operation: 'set', value: 'https://www.icloud.com' },
        { header: 'referer', operation: 'set', value: 'https://www.icloud.com/' },
      ],
    });
    expect(rule.condition).toEqual({ requestDomains: ['icloud.com', 'icloud-content.com'], initiatorDomains: ['abcdefghijklmnop'], tabIds: [-1] });
  });
});
