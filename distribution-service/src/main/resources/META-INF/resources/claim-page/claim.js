// The claim page: reads the campaign, detects the platform, claims one code through the public API,
// and shows the code, a copy button and the store's redeem link, or why there is none.
(function () {
    'use strict';

    var campaignId = location.pathname.split('/').filter(Boolean).pop();
    var api = '/api/v1/distribute/' + encodeURIComponent(campaignId);
    var REDEEM_LABELS = {
        iOS: 'Redeem in the App Store',
        Android: 'Redeem in Google Play',
        Steam: 'Redeem on Steam'
    };
    var PROBLEMS = {
        no_codes_available: ['No codes left',
            'Every code for your platform has been given out. Check back later in case more are added.'],
        campaign_inactive: ['Not handing out codes right now',
            'This campaign has not started yet, is paused, or has ended.'],
        rate_limited: ['Too many tries',
            'Too many requests came from your network. Please try again {wait}.'],
        blocked: ['Request refused',
            'This request looks like repeated or automated claiming, so no code was given. '
            + 'If you think this is a mistake, contact the app\u2019s developer.'],
        platform_unknown: ['Which platform are you on?',
            'We could not tell your platform. Choose it in the list and try again.'],
        not_found: ['Campaign not found',
            'This link does not lead to a campaign. Check the link, or ask for a new one.'],
        network: ['No connection',
            'The server could not be reached. Check your connection and try again.'],
        unknown: ['Something went wrong', 'Please try again in a moment.']
    };

    var el = function (id) { return document.getElementById(id); };

    /** The same rules as the server's User-Agent detection; iPads that present themselves as Macs have touch. */
    function detectPlatform() {
        var ua = navigator.userAgent.toLowerCase();
        if (/iphone|ipad|ipod/.test(ua) || (/macintosh/.test(ua) && navigator.maxTouchPoints > 1)) {
            return 'iOS';
        }
        if (/android/.test(ua)) {
            return 'Android';
        }
        if (/windows/.test(ua)) {
            return 'Windows';
        }
        if (/macintosh|mac os x/.test(ua)) {
            return 'MacOS';
        }
        return 'Web';
    }

    function say(text) {
        el('status').textContent = text;
    }

    function waitText(retryAfter) {
        var seconds = parseInt(retryAfter, 10);
        if (!(seconds > 0)) {
            return 'later';
        }
        if (seconds < 90) {
            return 'in ' + seconds + ' seconds';
        }
        return 'in about ' + Math.ceil(seconds / 60) + ' minutes';
    }

    function showProblem(reason, retryAfter, keepForm) {
        var problem = PROBLEMS[reason] || PROBLEMS.unknown;
        el('problem-title').textContent = problem[0];
        el('problem-detail').textContent = problem[1].replace('{wait}', waitText(retryAfter));
        el('problem').hidden = false;
        el('claim-form').hidden = !keepForm;
        say('');
        el('problem-title').focus();
    }

    function showCode(claim) {
        el('code').textContent = claim.code;
        el('expires').textContent = claim.expires_at
            ? 'Use it before ' + new Date(claim.expires_at).toLocaleString() + '.'
            : '';
        var redeem = el('redeem');
        if (claim.redeem_url) {
            redeem.href = claim.redeem_url;
            redeem.textContent = REDEEM_LABELS[claim.platform] || 'Redeem';
            redeem.hidden = false;
        }
        el('claim-form').hidden = true;
        el('problem').hidden = true;
        el('result').hidden = false;
        say('');
        el('result-title').focus();
    }

    function reasonOf(response) {
        if (response.status === 404) {
            return Promise.resolve('not_found');
        }
        return response.json()
            .then(function (problem) { return problem.reason || 'unknown'; })
            .catch(function () { return 'unknown'; });
    }

    function fillPlatforms(campaign) {
        var detected = detectPlatform();
        var select = el('platform');
        var offered = campaign.platforms.map(function (p) { return p.platform; });
        var choice = offered.indexOf(detected) >= 0 ? detected
            : (campaign.platforms.filter(function (p) { return p.available > 0; })[0] || {}).platform;
        campaign.platforms.forEach(function (p) {
            var option = document.createElement('option');
            option.value = p.platform;
            option.textContent = p.available > 0 ? p.platform : p.platform + ' (none left)';
            option.selected = p.platform === choice;
            select.appendChild(option);
        });
        el('platform-hint').textContent = offered.indexOf(detected) >= 0
            ? 'Detected from your browser: ' + detected + '. Change it if it is wrong.'
            : 'This campaign has no codes for ' + detected + ' (detected from your browser). '
                + 'Choose the platform you will use the code on.';
    }

    function load() {
        say('Loading the campaign\u2026');
        fetch(api, {headers: {Accept: 'application/json'}})
            .then(function (response) {
                if (!response.ok) {
                    return reasonOf(response).then(function (reason) {
                        showProblem(reason, response.headers.get('Retry-After'), false);
                    });
                }
                return response.json().then(function (campaign) {
                    document.title = campaign.name + ' \u2014 get your code';
                    el('title').textContent = campaign.name;
                    el('app-name').textContent = campaign.app_name || '';
                    if (campaign.status !== 'active') {
                        showProblem('campaign_inactive', null, false);
                    } else if (campaign.platforms.length === 0) {
                        showProblem('no_codes_available', null, false);
                    } else {
                        fillPlatforms(campaign);
                        el('claim-form').hidden = false;
                        say('');
                    }
                });
            })
            .catch(function () { showProblem('network', null, false); });
    }

    function claim(event) {
        event.preventDefault();
        var button = el('claim');
        button.disabled = true;
        button.setAttribute('aria-busy', 'true');
        el('problem').hidden = true;
        say('Getting your code\u2026');
        fetch(api, {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', Accept: 'application/json'},
            body: JSON.stringify({platform: el('platform').value})
        })
            .then(function (response) {
                if (response.ok) {
                    return response.json().then(showCode);
                }
                return reasonOf(response).then(function (reason) {
                    showProblem(reason, response.headers.get('Retry-After'),
                        reason === 'platform_unknown' || reason === 'no_codes_available' || reason === 'rate_limited');
                });
            })
            .catch(function () { showProblem('network', null, true); })
            .then(function () {
                button.disabled = false;
                button.removeAttribute('aria-busy');
            });
    }

    function copyCode() {
        var code = el('code').textContent;
        var copied = function () { say('Code copied.'); };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(code).then(copied, fallbackCopy);
        } else {
            fallbackCopy();
        }

        function fallbackCopy() {
            var range = document.createRange();
            range.selectNodeContents(el('code'));
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            say(document.execCommand('copy') ? 'Code copied.' : 'Press Ctrl+C (or \u2318C) to copy the selected code.');
        }
    }

    document.addEventListener('DOMContentLoaded', function () {
        el('claim-form').addEventListener('submit', claim);
        el('copy').addEventListener('click', copyCode);
        load();
    });
})();
