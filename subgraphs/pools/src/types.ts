/** A User entity as pools knows it: only the id (users owns everything else). */
export interface UserRef {
  id: string;
}
