// @vitest-environment happy-dom
/**
 * Reference choices depend on who asks (a station's teams, a district's units): on a shared office
 * computer the next person to sign in must not be offered the last person's list.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { Client } from '../../studio/api/client';
import type { authApi, SessionUser } from '../../studio/api/endpoints';
import { createReferenceLookup } from '../../studio/api/references';
import { AuthProvider, useAuth } from '../../studio/auth/AuthContext';

afterEach(cleanup);

/** A client whose team list is whoever is signed in's, counting the requests. */
function teamsOf(signedIn: { user: string }) {
  const asked: string[] = [];
  const client = { get: async (path: string) => (asked.push(path), { items: [{ id: `team-of-${signedIn.user}`, name: `${signedIn.user} 的队伍` }] }) } as unknown as Client;
  return { client, asked };
}

describe('reference lookups and the session', () => {
  test('a list is asked once per person signed in: signing in or out empties it', async () => {
    const session = { user: 'a' };
    const { client, asked } = teamsOf(session);
    const lookup = createReferenceLookup(client);
    expect((await lookup('team')).map((team) => team.value)).toEqual(['team-of-a']);
    expect((await lookup('team')).map((team) => team.value)).toEqual(['team-of-a']);
    expect(asked).toHaveLength(1);

    const user = { id: 'b', username: 'b', displayName: 'B', roles: [] } as unknown as SessionUser;
    const auth = { me: async () => Promise.reject(new Error('signed out')), login: async () => ({ user }), logout: async () => undefined } as unknown as ReturnType<typeof authApi>;
    let signIn = async () => {};
    let signOut = async () => {};
    function Probe() {
      const { state, login, logout } = useAuth();
      signIn = async () => void (await login('b', 'pw'));
      signOut = logout;
      return <span>{state.status}</span>;
    }
    render(
      <AuthProvider api={auth}>
        <Probe />
      </AuthProvider>,
    );
    await screen.findByText('anonymous');
    session.user = 'b';
    await act(() => signIn());
    await waitFor(() => screen.getByText('authenticated'));
    expect((await lookup('team')).map((team) => team.value)).toEqual(['team-of-b']);
    expect(asked).toHaveLength(2);
    await act(() => signOut());
    session.user = 'c';
    expect((await lookup('team')).map((team) => team.value)).toEqual(['team-of-c']);
    expect(asked).toHaveLength(3);
  });
});
