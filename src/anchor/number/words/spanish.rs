//! Spanish number words, where hundreds are single words (doscientos) and "y" joins only tens
//! and units (treinta y cinco).

use crate::anchor::number::Scanner;

#[derive(Clone, Copy, PartialEq, Debug)]
enum EsTok {
    Num(u32),
    Mil,
    Y,
}

fn es_tok(w: &str) -> Option<EsTok> {
    use EsTok::*;
    Some(match w {
        "un" | "uno" | "una" => Num(1),
        "dos" => Num(2),
        "tres" => Num(3),
        "cuatro" => Num(4),
        "cinco" => Num(5),
        "seis" => Num(6),
        "siete" => Num(7),
        "ocho" => Num(8),
        "nueve" => Num(9),
        "diez" => Num(10),
        "once" => Num(11),
        "doce" => Num(12),
        "trece" => Num(13),
        "catorce" => Num(14),
        "quince" => Num(15),
        "dieciséis" | "dieciseis" => Num(16),
        "diecisiete" => Num(17),
        "dieciocho" => Num(18),
        "diecinueve" => Num(19),
        "veinte" => Num(20),
        "veintiuno" | "veintiún" | "veintiuna" => Num(21),
        "veintidós" | "veintidos" => Num(22),
        "veintitrés" | "veintitres" => Num(23),
        "veinticuatro" => Num(24),
        "veinticinco" => Num(25),
        "veintiséis" | "veintiseis" => Num(26),
        "veintisiete" => Num(27),
        "veintiocho" => Num(28),
        "veintinueve" => Num(29),
        "treinta" => Num(30),
        "cuarenta" => Num(40),
        "cincuenta" => Num(50),
        "sesenta" => Num(60),
        "setenta" => Num(70),
        "ochenta" => Num(80),
        "noventa" => Num(90),
        "cien" | "ciento" => Num(100),
        "doscientos" | "doscientas" => Num(200),
        "trescientos" | "trescientas" => Num(300),
        "cuatrocientos" | "cuatrocientas" => Num(400),
        "quinientos" | "quinientas" => Num(500),
        "seiscientos" | "seiscientas" => Num(600),
        "setecientos" | "setecientas" => Num(700),
        "ochocientos" | "ochocientas" => Num(800),
        "novecientos" | "novecientas" => Num(900),
        "mil" => Mil,
        "y" => Y,
        _ => return None,
    })
}

impl Scanner<'_> {
    pub(super) fn es_number(&self, s: usize, e: usize) -> Option<(f64, usize)> {
        let mut buf = [0u8; 48];
        let first = es_tok(self.lower(s, e, &mut buf)?)?;
        match first {
            EsTok::Num(1) => return self.article_scale(e),
            EsTok::Y => return None,
            _ => {}
        }
        let (mut total, mut cur) = (0.0f64, 0.0f64);
        // Previous additive value, 0 at start, -1 after mil, -2 after "y".
        let mut prev: i64 = 0;
        let (mut end, mut n) = (s, 0u32);
        let (mut tok, mut we) = (first, e);
        loop {
            match tok {
                EsTok::Num(v) => {
                    let v64 = i64::from(v);
                    let ok = match prev {
                        0 => n == 0,
                        -1 => true,
                        -2 => (1..10).contains(&v),
                        p if p >= 100 => v < 100,
                        _ => false,
                    };
                    if !ok || (v == 1 && prev != -2) {
                        break;
                    }
                    cur += f64::from(v);
                    prev = v64;
                }
                EsTok::Mil => {
                    if total > 0.0 || prev == -2 {
                        break;
                    }
                    total = cur.max(1.0) * 1000.0;
                    cur = 0.0;
                    prev = -1;
                }
                EsTok::Y => {
                    if !(30..100).contains(&prev) || prev % 10 != 0 {
                        break;
                    }
                    match self.next_token(we, false, es_tok) {
                        Some((ne, t @ EsTok::Num(1..=9))) => {
                            prev = -2;
                            we = ne;
                            tok = t;
                            continue;
                        }
                        _ => break,
                    }
                }
            }
            end = we;
            n += 1;
            match self.next_token(we, false, es_tok) {
                Some((ne, t)) => {
                    we = ne;
                    tok = t;
                }
                None => break,
            }
        }
        if n == 0 {
            return None;
        }
        let (m, end) = self.scales_after(end, 0.0);
        Some(((total + cur) * m, end))
    }
}
