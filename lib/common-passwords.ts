// Passwords of 8+ characters found at the top of every published breach list: refused at sign-up and
// on every password change, whatever their case.
const list = `password 12345678 123456789 1234567890 password1 password12 password123 qwerty123 qwertyuiop
iloveyou iloveyou1 sunshine sunshine1 football football1 baseball baseball1 welcome1 welcome123 admin123
administrator letmein1 abc12345 abcd1234 passw0rd p@ssw0rd p@ssword 1q2w3e4r 1q2w3e4r5t 1qaz2wsx zaq12wsx
trustno1 changeme whatever princess princess1 superman superman1 starwars starwars1 monkey123 dragon123
master123 qwerty12 qwerty1234 11111111 00000000 88888888 12341234 87654321 11223344 123123123 987654321
asdfghjkl asdfasdf zxcvbnm1 qwertyui q1w2e3r4 q1w2e3r4t5 computer michelle jennifer jordan23 basketball
hello123 charlie1 shadow12 mustang1 access14 matthew1 jessica1 liverpool chelsea1 arsenal1 thomas12
soccer12 hunter12 internet samsung1 pokemon1 minecraft freedom1 michael1 letmein123 welcome12 iloveyou2
myspace1 blink182 1234qwer qweasdzxc passpass secret123 test1234 testtest default1 login123 money123
monkey12 dragon12 killer12 master12 batman12 flower12 summer12 summer2024 winter2024 spring2024 autumn2024
password2024 password2025 password2026 masthead magazine`;

const common = new Set(list.split(/\s+/).filter(Boolean));

export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}
