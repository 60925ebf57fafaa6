// Session upkeep for Blazor Server pages. A circuit makes no HTTP requests, so on real user activity we
// ping /Account/KeepAlive (at most once a minute) to slide the 30-minute cookie, and after 30 minutes
// without activity we sign the user out, as the security policy requires (see ADR-003).
window.portal = {
    // Called by the layout once its circuit is live; browser tests wait for it before clicking.
    markInteractive: function () { document.body.dataset.interactive = 'true'; }
};

(function () {
    const idleLimitMs = 30 * 60 * 1000;
    const pingEveryMs = 60 * 1000;
    let lastActivity = Date.now();
    let lastPing = 0;

    function signedIn() { return !!document.querySelector('form.portal-logout'); }

    function onActivity() {
        lastActivity = Date.now();
        if (signedIn() && lastActivity - lastPing > pingEveryMs) {
            lastPing = lastActivity;
            fetch('/Account/KeepAlive', { credentials: 'same-origin', redirect: 'manual' }).catch(() => { });
        }
    }

    ['click', 'keydown', 'scroll', 'touchstart'].forEach(e => document.addEventListener(e, onActivity, { passive: true, capture: true }));

    setInterval(function () {
        if (!signedIn() || Date.now() - lastActivity < idleLimitMs) return;
        const form = document.querySelector('form.portal-logout');
        const reason = document.createElement('input');
        reason.type = 'hidden'; reason.name = 'reason'; reason.value = 'idle';
        form.appendChild(reason);
        form.submit();
    }, 30 * 1000);
})();
