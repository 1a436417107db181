/**
 * Counts requests that leave the app, as the window sees them: resources fetched from another origin
 * and requests the CSP blocked. Lectern is offline, so both stay at zero; the status bar shows it.
 */
export class NetworkMonitor {
  external = $state(0);
  blocked = $state(0);

  start(): () => void {
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (isExternal(entry.name)) this.external++;
      }
    });
    observer.observe({ type: 'resource', buffered: true });
    const onViolation = (event: SecurityPolicyViolationEvent) => {
      if (isExternal(event.blockedURI)) this.blocked++;
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    return () => {
      observer.disconnect();
      document.removeEventListener('securitypolicyviolation', onViolation);
    };
  }
}

function isExternal(url: string): boolean {
  try {
    const parsed = new URL(url, location.href);
    return /^(https?|wss?|ftp):$/.test(parsed.protocol) && parsed.origin !== location.origin;
  } catch {
    return false;
  }
}
